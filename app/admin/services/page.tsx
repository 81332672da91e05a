import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { buttonClass, Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { Tag } from "@/components/ui/tag";
import { catalogCodePattern } from "@/lib/catalog/catalog-code";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listDepartments } from "@/server/catalog/list-catalog";
import { listServicesForAdmin } from "@/server/services/list-services-for-admin";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminServices"))("title") };
}

/** /admin/services — every service (事项) with its department and state, filterable by department; "new service". */
export default async function AdminServicesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/admin/services", returnTo: "/admin/services" });
  const { department } = readSearchParams(await searchParams, { department: z.string().regex(catalogCodePattern) });
  const db = getDb();
  const result = await listServicesForAdmin({ db, actor, departmentCode: department });
  if (!result.ok) notFound();
  const departments = await listDepartments({ db });
  const t = await getTranslations("adminServices");
  const ta = await getTranslations("admin");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;

  return (
    <div className="max-w-5xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-4 max-w-3xl">{t("lead")}</p>
      <p className="mb-6">
        <Link href="/admin/services/new" className={buttonClass("primary")}>
          {t("newService")}
        </Link>
      </p>
      <form method="get" action="/admin/services" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="department-filter" className="block font-semibold">
            {t("filterDepartment")}
          </label>
          <select id="department-filter" name="department" defaultValue={department ?? ""} className="mt-1 block w-full max-w-md border-2 border-ink bg-white px-2 py-1.5">
            <option value="">{t("allDepartments")}</option>
            {departments.map((option) => (
              <option key={option.code} value={option.code}>
                {localize(option.name, locale)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("filter")}</Button>
      </form>
      <DataTable
        id="services"
        caption={t("tableCaption", { count: result.services.length })}
        rows={result.services}
        rowKey={(service) => service.code}
        columns={[
          {
            key: "service",
            header: t("columns.name"),
            rowHeader: true,
            className: "min-w-[10em] break-words",
            cell: (service) => (
              <>
                <Link href={`/admin/services/${service.code}`}>{localize(service.name, locale)}</Link>
                <span className="block font-mono text-sm break-all text-muted">{service.code}</span>
              </>
            ),
          },
          { key: "department", header: t("columns.department"), className: "min-w-[8em]", cell: (service) => localize(service.departmentName, locale) },
          { key: "applicant", header: t("columns.applicantType"), className: "whitespace-nowrap", cell: (service) => tc(`applicantType.${service.applicantType}`) },
          { key: "kind", header: t("columns.kind"), className: "whitespace-nowrap", cell: (service) => t(`kinds.${service.kind}`) },
          {
            key: "status",
            header: t("columns.status"),
            className: "min-w-[7em]",
            cell: (service) => (
              <span className="flex flex-wrap gap-1">
                {service.retiredAt ? <Tag>{t("status.retired")}</Tag> : null}
                {service.publishedVersion > 0 ? <Tag tone={service.retiredAt ? "neutral" : "ok"}>{t("status.published", { version: service.publishedVersion })}</Tag> : <Tag tone="warn">{t("status.unpublished")}</Tag>}
                {service.draftSavedAt ? <Tag tone="info">{t("status.draft")}</Tag> : null}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
