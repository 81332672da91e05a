import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { TFormVersion } from "@/server/forms/get-form-definition-versions";

/** The versions of one form, newest first: when, by whom, built from what, and the cases submitted on each. */
export async function FormVersionsTable({ versions, locale, composed }: { versions: TFormVersion[]; locale: Locale; composed: boolean }) {
  const t = await getTranslations("adminForms");
  return (
    <div className="mb-8 overflow-x-auto" role="region" aria-labelledby="versions-caption" tabIndex={0}>
      <table className="w-full border-collapse text-left">
        <caption id="versions-caption" className="sr-only">
          {t("versionsCaption")}
        </caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">{t("columns.version")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.published")}</th>
            <th scope="col" className="py-2 pr-4">{t("columns.publisher")}</th>
            {composed ? <th scope="col" className="py-2 pr-4">{t("columns.composedFrom")}</th> : null}
            <th scope="col" className="py-2 pr-4">{t("columns.cases")}</th>
            <th scope="col" className="py-2">{t("columns.recentCases")}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 whitespace-nowrap">{t("versionNumber", { version: version.version })}</th>
              <td className="py-2 pr-4">{formatDateTime(version.publishedAt, locale)}</td>
              <td className="py-2 pr-4">{version.publisherName ?? t("seedPublisher")}</td>
              {composed ? (
                <td className="py-2 pr-4">
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
                </td>
              ) : null}
              <td className="py-2 pr-4">{version.caseCount}</td>
              <td className="py-2">
                {version.recentCaseNumbers.length === 0 ? (
                  t("none")
                ) : (
                  <ul className="list-none font-mono text-sm">
                    {version.recentCaseNumbers.map((number) => (
                      <li key={number}>{number}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
