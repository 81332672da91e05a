/**
 * 办件公示: the latest concluded cases with their applicant masked (server/statistics/list-concluded-cases.ts), and
 * links to older ones and back to the newest, as plain links (no JavaScript needed).
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TConcludedCase } from "@/server/statistics/list-concluded-cases";

export async function ConcludedCasesTable({ cases, nextCursor, isFirstPage, locale }: { cases: TConcludedCase[]; nextCursor: string | null; isFirstPage: boolean; locale: Locale }) {
  const t = await getTranslations("statistics");
  return (
    <>
      {cases.length === 0 ? (
        <p className="mb-6">{t("casesNone")}</p>
      ) : (
        <DataTable
          id="published-cases"
          labelledBy="published-cases-title"
          className="mb-4"
          caption={t("casesCaption")}
          rows={cases}
          rowKey={(row) => row.number}
          columns={[
            { key: "number", header: t("caseNumber"), rowHeader: true, className: "font-mono whitespace-nowrap", cell: (row) => row.number },
            { key: "subject", header: t("caseSubject"), className: "min-w-36", cell: (row) => localize(row.subjectName, locale) },
            { key: "applicant", header: t("caseApplicant"), className: "min-w-32", cell: (row) => nameForReader(row.applicant, locale, row.applicantKind) },
            { key: "result", header: t("caseResult"), cell: (row) => t(`caseResults.${row.result}`) },
            { key: "concludedOn", header: t("caseConcludedOn"), className: "whitespace-nowrap", cell: (row) => formatDate(row.concludedOn, locale) },
          ]}
        />
      )}
      <p className="mb-10 flex flex-wrap gap-x-6 gap-y-2">
        {nextCursor ? <Link href={`/statistics?${new URLSearchParams({ cases: nextCursor })}#published-cases-title`}>{t("casesOlder")}</Link> : null}
        {isFirstPage ? null : <Link href="/statistics#published-cases-title">{t("casesNewest")}</Link>}
      </p>
    </>
  );
}
