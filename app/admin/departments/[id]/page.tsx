import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { DepartmentForm } from "@/components/admin/department-form";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { requireActor } from "@/server/auth/require-actor";
import { departmentInputOf } from "@/server/departments/department-input";
import { findDepartment } from "@/server/departments/find-department";
import { isErrorCode } from "@/server/errors";
import { editDepartmentAction, retireDepartmentAction, setDepartmentTwoFactorAction } from "./actions";

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> };
const searchFields = { saved: z.enum(["created", "edited", "retired", "two-factor-on", "two-factor-off"]), error: z.string().refine(isErrorCode) };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDepartments"))("editTitle") };
}

/** /admin/departments/<id> — one department: change its names, code and contact, or retire it. */
export default async function AdminDepartmentPage({ params, searchParams }: TProps) {
  const { id } = await params;
  const actor = await requireActor({ page: "/admin/departments/[id]", returnTo: `/admin/departments/${encodeURIComponent(id)}` });
  const result = await findDepartment({ db: getDb(), actor, departmentId: id });
  if (!result.ok) notFound();
  const { department, openTasks, activeStaff } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("adminDepartments");
  const te = await getTranslations("errors");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const blocked = openTasks > 0 || activeStaff > 0;

  return (
    <div className="max-w-4xl">
      {query.error ? <ErrorSummary id="retire-error-title" title={t("errorTitle")} errors={[{ href: "#retire-title", text: te(query.error) }]} /> : null}
      {query.saved ? <Notice tone="success" title={t(`saved.${query.saved}`, { code: department.code })} /> : null}
      <PageHeading caption={t("title")}>{localize(department.name, locale)}</PageHeading>
      <SummaryList
        rows={[
          { key: t("columns.code"), value: <span className="font-mono">{department.code}</span> },
          { key: t("columns.status"), value: department.retiredAt ? t("retiredOn", { date: formatDateTime(department.retiredAt, locale) }) : t("active") },
          { key: t("columns.staff"), value: activeStaff },
          { key: t("columns.openTasks"), value: openTasks },
          { key: t("twoFactor.label"), value: department.twoFactorRequired ? t("twoFactor.required") : t("twoFactor.optional") },
        ]}
      />
      <section aria-labelledby="two-factor-title" className="mb-10">
        <h2 id="two-factor-title" className="mb-2 text-2xl font-bold">
          {t("twoFactor.title")}
        </h2>
        <p className="mb-4 max-w-3xl">{department.twoFactorRequired ? t("twoFactor.offLead") : t("twoFactor.onLead")}</p>
        <form action={setDepartmentTwoFactorAction.bind(null, department.id)}>
          <input type="hidden" name="required" value={department.twoFactorRequired ? "0" : "1"} />
          <Button variant="secondary">{department.twoFactorRequired ? t("twoFactor.turnOff", { code: department.code }) : t("twoFactor.turnOn", { code: department.code })}</Button>
        </form>
      </section>
      <section aria-labelledby="edit-department-title">
        <h2 id="edit-department-title" className="mb-4 text-2xl font-bold">
          {t("editTitle")}
        </h2>
        <NextIntlClientProvider messages={{ adminDepartments: messages.adminDepartments, errors: messages.errors }}>
          <DepartmentForm initial={departmentInputOf(department)} submitLabel={t("save")} action={editDepartmentAction.bind(null, department.id)} />
        </NextIntlClientProvider>
      </section>
      {department.retiredAt ? null : (
        <section aria-labelledby="retire-title" className="mb-10 border-t-2 border-line pt-6">
          <h2 id="retire-title" className="mb-2 text-2xl font-bold">
            {t("retireTitle")}
          </h2>
          <p className="mb-4 max-w-3xl">{t("retireLead")}</p>
          {blocked ? <p className="mb-4 max-w-3xl font-semibold">{t("retireBlocked", { openTasks, activeStaff })}</p> : null}
          <form action={retireDepartmentAction.bind(null, department.id)}>
            <Button variant="warning">{t("retire", { code: department.code })}</Button>
          </form>
        </section>
      )}
    </div>
  );
}
