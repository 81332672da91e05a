import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PageHeading } from "@/components/ui/page-heading";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { summarizeCatalog } from "@/server/catalog/summarize-catalog";
import { listDeadLetters } from "@/server/notifications/list-dead-letters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const actor = await requireActor({ page: "/admin", returnTo: "/admin" });
  const t = await getTranslations("admin");
  const tf = await getTranslations("adminForms");
  const tc = await getTranslations("adminCalendar");
  const to = await getTranslations("adminOutbox");
  const locale = (await getLocale()) as Locale;
  const [result, deadLetters] = await Promise.all([summarizeCatalog({ db: getDb(), actor }), listDeadLetters({ db: getDb(), actor, limit: 0 })]);
  if (!result.ok) return null;
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <h2 className="mb-3 text-2xl font-bold">{t("departments")}</h2>
      <ul className="mb-8">
        {result.perDepartment.map((department) => (
          <li key={department.code} className="flex flex-wrap justify-between gap-2 border-b border-line py-2">
            <Link href={`/admin/services?department=${department.code}`}>{localize(department.name, locale)}</Link>
            <span>{t("serviceCount", { count: department.services })}</span>
          </li>
        ))}
      </ul>
      <p className="mb-8">{t("bundleCount", { count: result.bundleCount })}</p>
      <h2 className="mb-3 text-2xl font-bold">{t("calendar")}</h2>
      <p className="mb-8">
        <Link href="/admin/calendar">{tc("manage")}</Link>
      </p>
      <h2 className="mb-3 text-2xl font-bold">{t("notifications")}</h2>
      <p className="mb-8">
        <Link href="/admin/outbox">{to("manage")}</Link>
        {deadLetters.ok ? <span className="ml-2">{to("manageCount", { count: deadLetters.total })}</span> : null}
      </p>
      <h2 className="mb-3 text-2xl font-bold">{t("forms")}</h2>
      <p className="mb-3">
        <Link href="/admin/forms">{tf("manage")}</Link>
      </p>
      <ul className="mb-8">
        {result.forms.map((form) => (
          <li key={`${form.subjectType}:${form.subjectCode}`} className="flex flex-wrap justify-between gap-2 border-b border-line py-2">
            <Link href={`/admin/forms/${form.subjectType}/${form.subjectCode}`} className="font-mono">
              {form.subjectCode}
            </Link>
            <span>{t("formVersion", { version: form.version ?? 1 })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
