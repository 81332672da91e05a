import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import type { TFormVersion } from "@/server/forms/get-form-definition-versions";

/** The versions of one form, newest first: when, by whom, built from what, and the cases submitted on each. */
export async function FormVersionsTable({ versions, locale, composed }: { versions: TFormVersion[]; locale: Locale; composed: boolean }) {
  const t = await getTranslations("adminForms");
  return (
    <DataTable
      id="versions"
      caption={t("versionsCaption")}
      rows={versions}
      rowKey={(version) => version.id}
      columns={[
        { key: "version", header: t("columns.version"), rowHeader: true, className: "whitespace-nowrap", cell: (version) => t("versionNumber", { version: version.version }) },
        { key: "published", header: t("columns.published"), cell: (version) => formatDateTime(version.publishedAt, locale) },
        { key: "publisher", header: t("columns.publisher"), cell: (version) => (version.publisherName === null ? t("seedPublisher") : nameForReader(version.publisherName, locale)) },
        composed && {
          key: "composedFrom",
          header: t("columns.composedFrom"),
          cell: (version) => (
            <ul className="list-none">
              {(version.composedFrom ?? []).map((source) => (
                <li key={source.id} className="whitespace-nowrap">
                  <Link href={`/admin/forms/${source.subjectType}/${source.code}`} className="font-mono text-sm">
                    {source.code}
                  </Link>{" "}
                  {t("versionNumber", { version: source.version })}
                </li>
              ))}
            </ul>
          ),
        },
        { key: "cases", header: t("columns.cases"), cell: (version) => version.caseCount },
        {
          key: "recentCases",
          header: t("columns.recentCases"),
          cell: (version) =>
            version.recentCaseNumbers.length === 0 ? (
              t("none")
            ) : (
              <ul className="list-none font-mono text-sm">
                {version.recentCaseNumbers.map((number) => (
                  <li key={number}>{number}</li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
