import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { AuditRecordsTable } from "@/components/admin/audit-records-table";
import { AuditVerificationPanel } from "@/components/admin/audit-verification-panel";
import { PageHeading } from "@/components/ui/page-heading";
import type { Locale } from "@/lib/i18n/locales";
import { getAuditOverview } from "@/server/audit/get-audit-overview";
import { requireActor } from "@/server/auth/require-actor";
import { verifyAuditAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

/** /admin/audit — the audit trail: the last verification and a button to verify now, the latest checkpoints and records. */
export default async function AdminAuditPage() {
  const actor = await requireActor({ page: "/admin/audit", returnTo: "/admin/audit" });
  const result = await getAuditOverview({ db: getDb(), actor });
  if (!result.ok) notFound();
  const t = await getTranslations("adminAudit");
  const ta = await getTranslations("admin");
  const locale = (await getLocale()) as Locale;
  return (
    <div className="max-w-5xl">
      <PageHeading caption={ta("title")}>{t("title")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      <AuditVerificationPanel verification={result.lastVerification} locale={locale} verifyAction={verifyAuditAction} />
      <AuditRecordsTable checkpoints={result.checkpoints} records={result.records} locale={locale} />
    </div>
  );
}
