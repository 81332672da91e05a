import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TFormSubjectSummary } from "@/server/forms/list-form-definitions";

/** Every form subject with its latest version and the cases submitted on each version. */
export async function FormSubjectTable({ subjects, locale }: { subjects: TFormSubjectSummary[]; locale: Locale }) {
  const t = await getTranslations("adminForms");
  return (
    <DataTable
      id="forms"
      caption={t("tableCaption")}
      captionVisible
      rows={subjects}
      rowKey={(subject) => `${subject.subjectType}:${subject.code}`}
      columns={[
        {
          key: "form",
          header: t("columns.form"),
          rowHeader: true,
          cell: (subject) => (
            <>
              <Link href={`/admin/forms/${subject.subjectType}/${subject.code}`}>{localize(subject.name, locale)}</Link>
              <span className="block font-mono text-sm text-muted">{subject.code}</span>
            </>
          ),
        },
        { key: "kind", header: t("columns.kind"), cell: (subject) => t(`kinds.${subject.subjectType}`) },
        { key: "latestVersion", header: t("columns.latestVersion"), className: "whitespace-nowrap", cell: (subject) => t("versionNumber", { version: subject.latestVersion }) },
        { key: "published", header: t("columns.published"), className: "whitespace-nowrap", cell: (subject) => formatDate(subject.latestPublishedAt, locale) },
        {
          key: "casesPerVersion",
          header: t("columns.casesPerVersion"),
          cell: (subject) => (
            <ul className="list-none">
              {subject.casesPerVersion.map((entry) => (
                <li key={entry.version} className="whitespace-nowrap">
                  {t("versionCases", { version: entry.version, count: entry.cases })}
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
