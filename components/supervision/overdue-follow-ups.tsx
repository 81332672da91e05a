/** Follow-ups of bad ratings whose reply date has passed without a reply, for the supervisor to chase. */
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DeadlineTag } from "@/components/desk/deadline-tag";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { listOverdueFollowUps } from "@/server/ratings/list-overdue-follow-ups";

type TRow = Extract<Awaited<ReturnType<typeof listOverdueFollowUps>>, { ok: true }>["rows"][number];

/** `urgeHref`: for a supervisor, where an urging (督办) about the follow-up is sent from. */
export async function OverdueFollowUps({ rows, urgeHref }: { rows: TRow[]; urgeHref?: (followUpId: string) => string }) {
  const t = await getTranslations("supervise");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="overdue-follow-ups" className="mb-10">
      <h2 id="overdue-follow-ups" className="mb-3 text-2xl font-bold">
        {t("followUpsTitle")}
      </h2>
      <p className="mb-4">{t("followUpsLead")}</p>
      {rows.length === 0 ? (
        <p>{t("followUpsEmpty")}</p>
      ) : (
        <ul aria-labelledby="overdue-follow-ups" className="space-y-3">
          {rows.map((row) => (
            <li key={row.id} className="border-2 border-line p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <p className="font-semibold">
                  {localize(row.departmentName, locale)} · {localize(row.subjectName, locale)}
                </p>
                <RatingLevelTag level={row.overall} />
              </div>
              <p className="font-mono text-base break-all text-muted">{row.caseNumber}</p>
              <p className="mt-1 flex flex-wrap items-center gap-2">
                {t("replyDueOn", { date: formatDate(row.dueOn, locale) })}
                <DeadlineTag state="overdue" />
              </p>
              {urgeHref ? (
                <p className="mt-2">
                  <Link href={urgeHref(row.id)}>
                    {t("urgeLink")}
                    <span className="sr-only"> {row.caseNumber}</span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
