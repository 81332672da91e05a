import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { NewServiceForm } from "@/components/admin/new-service-form";
import { PageHeading } from "@/components/ui/page-heading";
import { applicantTypes, serviceKinds } from "@/db/schema";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { listDepartmentOptions } from "@/server/departments/list-department-options";
import { createServiceAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminServices"))("newTitle") };
}

/** /admin/services/new — a new service: it starts as an unpublished draft that nobody else sees. */
export default async function NewServicePage() {
  const actor = await requireActor({ page: "/admin/services/new", returnTo: "/admin/services/new" });
  if (actor.role !== "admin") notFound();
  const departments = await listDepartmentOptions({ db: getDb(), actor });
  const t = await getTranslations("adminServices");
  const tc = await getTranslations("catalog");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/admin/services">{t("backToList")}</Link>
      </p>
      <PageHeading caption={t("title")}>{t("newTitle")}</PageHeading>
      <p className="mb-6">{t("newLead")}</p>
      <NextIntlClientProvider messages={{ adminServices: messages.adminServices, errors: messages.errors }}>
        <NewServiceForm
          departments={departments.map((department) => ({ id: department.id, label: `${localize(department.name, locale)} (${department.code})` }))}
          applicantTypes={applicantTypes.map((value) => ({ value, label: tc(`applicantType.${value}`) }))}
          kinds={serviceKinds.map((value) => ({ value, label: t(`kinds.${value}`), hint: t(`kindHints.${value}`) }))}
          action={createServiceAction}
        />
      </NextIntlClientProvider>
    </div>
  );
}
