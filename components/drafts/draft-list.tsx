import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TDraftSummary } from "@/server/drafts/list-my-drafts";

/** The applicant's live drafts in /me: continue or delete each. `deleteAction`: the page's server action, bound here to each draft. */
export async function DraftList({
  drafts,
  locale,
  deleteAction,
}: {
  drafts: TDraftSummary[];
  locale: Locale;
  deleteAction: (draftId: string, formData?: FormData) => Promise<void>;
}) {
  const t = await getTranslations("me");
  const nameOf = (draft: TDraftSummary) => (draft.subjectName ? localize(draft.subjectName, locale) : t("unknownService"));
  return (
    <>
      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-heading" className="mb-10">
          <h2 id="drafts-heading" className="text-2xl font-bold">
            {t("draftsTitle")}
          </h2>
          <p className="mb-3 text-muted">{t("draftsLead")}</p>
          <ul className="border-t border-line">
            {drafts.map((draft) => (
              <li key={draft.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2 border-b border-line py-3">
                <div>
                  <Link href={`/apply/${draft.subjectCode}/${draft.id}/check`} className="font-semibold">
                    {nameOf(draft)}
                  </Link>
                  <p className="text-base text-muted">{t("draftUpdated", { date: formatDateTime(draft.updatedAt, locale) })}</p>
                  <p className={`text-base ${draft.expiringSoon ? "font-semibold text-warn" : "text-muted"}`}>
                    {t(draft.expiringSoon ? "draftExpiresSoon" : "draftExpires", { date: formatDateTime(draft.expiresAt, locale) })}
                  </p>
                </div>
                <form action={deleteAction.bind(null, draft.id)}>
                  <button type="submit" className="cursor-pointer text-danger underline">
                    {t("delete")}
                    <span className="sr-only"> · {nameOf(draft)}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
