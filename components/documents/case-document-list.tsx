import { getTranslations } from "next-intl/server";
import type { TCaseDocument } from "@/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";

/**
 * The notices and decisions of a case (受理通知书, 补正告知书, 不予许可决定书 …), each a link that opens its PDF: on
 * the applicant's tracker and on a clerk's task page, each with the address its reader may open it from.
 */
export async function CaseDocumentList({ documents, hrefOf, locale, showLead = false }: { documents: TCaseDocument[]; hrefOf: (documentId: string) => string; locale: Locale; showLead?: boolean }) {
  if (documents.length === 0) return null;
  const t = await getTranslations("documents");
  return (
    <section aria-labelledby="case-documents" className="mb-10">
      <h2 id="case-documents" className="mb-2 text-2xl font-bold">
        {t("title")}
      </h2>
      {showLead ? <p className="mb-4">{t("lead")}</p> : null}
      <ul className="space-y-3">
        {documents.map((document) => (
          <li key={document.id} className="border-l-4 border-line pl-3">
            {/* A plain link, not next/link: the PDF comes from a route handler, not a page to prefetch. */}
            <a href={hrefOf(document.id)} className="font-semibold">
              {t("open", { kind: t(`kinds.${document.kind}`), number: document.number })}
            </a>
            <span className="block text-base text-muted">{t("issued", { department: localize(document.content.department.name, locale), date: formatDate(document.issuedAt, locale) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
