import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TFormSubjectSummary } from "@/server/forms/list-form-definitions";

/** Every form subject with its latest version and the cases submitted on each version; scrolls sideways on a phone. */
export async function FormSubjectTable({ subjects, locale }: { subjects: TFormSubjectSummary[]; locale: Locale }) {
  const t = await getTranslations("adminForms");
  return (
    <div className="mb-8 overflow-x-auto" role="region" aria-labelledby="forms-caption" tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption id="forms-caption" className="mb-2 text-left text-xl font-bold">
          {t("tableCaption")}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">{t("columns.form")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.kind")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.latestVersion")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.published")}</th>
            <th scope="col" className="py-2">{t("columns.casesPerVersion")}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((subject) => (
            <tr key={`${subject.subjectType}:${subject.code}`} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                <Link href={`/admin/forms/${subject.subjectType}/${subject.code}`}>{localize(subject.name, locale)}</Link>
                <span className="block font-mono text-sm text-muted">{subject.code}</span>
              </th>
              <td className="py-2 pr-4">{t(`kinds.${subject.subjectType}`)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{t("versionNumber", { version: subject.latestVersion })}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDate(subject.latestPublishedAt, locale)}</td>
              <td className="py-2">
                <ul className="list-none">
                  {subject.casesPerVersion.map((entry) => (
                    <li key={entry.version} className="whitespace-nowrap">
                      {t("versionCases", { version: entry.version, count: entry.cases })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
