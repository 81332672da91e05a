import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { verifyCaseDocument } from "@/server/documents/verify-case-document";

export async function generateMetadata(): Promise<Metadata> {
  // Nothing personal is in the address, but a checked document is nobody's business to index.
  return { title: (await getTranslations("verifyDocument"))("title"), robots: { index: false, follow: false } };
}

/**
 * Public check of a notice or decision, where its QR code leads: no sign-in. The verdict first, in words; then only
 * what anyone holding the paper may see — never the reason, the items or an ID number.
 */
export default async function VerifyDocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await verifyCaseDocument({ db: getDb(), documentId: id });
  if (result.state === "not-found") notFound();
  const t = await getTranslations("verifyDocument");
  const td = await getTranslations("documents");
  const locale = (await getLocale()) as Locale;
  const genuine = result.state === "genuine";

  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      <section aria-labelledby="verify-result" className={`mb-8 border-l-8 p-5 ${genuine ? "border-go bg-[#e6f2ec]" : "border-danger bg-[#fbe9ea]"}`}>
        <h2 id="verify-result" className="flex items-start gap-3 text-2xl font-bold leading-snug">
          <span aria-hidden="true">{genuine ? "✓" : "✕"}</span>
          <span>{genuine ? t("genuineTitle") : t("forgedTitle")}</span>
        </h2>
        <p className="mt-2">{genuine ? t("genuine", { department: localize(result.document.department, locale) }) : t("forged")}</p>
      </section>
      {genuine ? (
        <>
          <SummaryList
            rows={[
              { key: t("kind"), value: td(`kinds.${result.document.kind}`) },
              { key: t("number"), value: <span className="break-all">{result.document.number}</span> },
              { key: t("issuedAt"), value: formatDateTime(result.document.issuedAt, locale) },
              { key: t("department"), value: localize(result.document.department, locale) },
              { key: t("service"), value: localize(result.document.service, locale) },
              { key: t("caseNumber"), value: <span className="font-mono break-all">{result.document.caseNumber}</span> },
              { key: t("applicant"), value: nameForReader(result.document.applicant.name, locale, result.document.applicant.kind) },
            ]}
          />
          <p className="mb-8 text-base text-muted">{t("privacy")}</p>
        </>
      ) : null}
    </div>
  );
}
