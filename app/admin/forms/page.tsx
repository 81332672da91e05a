import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { FormSubjectTable } from "@/components/admin/form-subject-table";
import { PageHeading } from "@/components/ui/page-heading";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listFormDefinitions } from "@/server/forms/list-form-definitions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminForms"))("title") };
}

export default async function AdminFormsPage() {
  const actor = await requireActor({ page: "/admin/forms", returnTo: "/admin/forms" });
  const t = await getTranslations("adminForms");
  const locale = (await getLocale()) as Locale;
  const result = await listFormDefinitions({ db: getDb(), actor });
  if (!result.ok) return null;
  return (
    <>
      <p className="mb-4">
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-6 max-w-3xl">{t("lead")}</p>
      <FormSubjectTable subjects={result.subjects} locale={locale} />
    </>
  );
}
