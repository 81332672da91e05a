import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ReasonTemplateForm } from "@/components/admin/reason-template-form";
import { PageHeading } from "@/components/ui/page-heading";
import { localize, type Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { findReasonTemplateForAdmin } from "@/server/reasons/list-reason-templates-for-admin";
import { reasonTemplateInputOf } from "@/server/reasons/reason-template-input";
import { editReasonTemplateAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminReasons"))("editTitle") };
}

/** /admin/reasons/<id> — one template's words in the three languages, to change. */
export default async function AdminReasonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor({ page: "/admin/reasons/[id]", returnTo: `/admin/reasons/${id}` });
  const result = await findReasonTemplateForAdmin({ db: getDb(), actor, templateId: id });
  if (!result.ok) notFound();
  const t = await getTranslations("adminReasons");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();
  const { template } = result;
  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href={`/admin/reasons?service=${result.serviceCode}`}>{t("backToService", { service: localize(result.serviceName, locale) })}</Link>
      </p>
      <PageHeading caption={t(`decisions.${template.decision}`, { service: localize(result.serviceName, locale) })}>{t("editTitle")}</PageHeading>
      <NextIntlClientProvider messages={{ adminReasons: messages.adminReasons, errors: messages.errors }}>
        <ReasonTemplateForm idPrefix="reason" initial={reasonTemplateInputOf(template.text)} submitLabel={t("save")} action={editReasonTemplateAction.bind(null, template.id)} />
      </NextIntlClientProvider>
    </div>
  );
}
