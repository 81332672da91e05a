import { getTranslations } from "next-intl/server";
import { Tag, type TTagTone } from "@/components/ui/tag";
import { SummaryList } from "@/components/ui/summary-list";
import type { TFollowUpStatus } from "@/db/schema";
import { formatDate } from "@/lib/i18n/format";
import { localize, type Locale, type TLocalizedText } from "@/lib/i18n/locales";
import { isBadRating, isGoodRating, subRatings } from "@/lib/ratings/levels";

/** A level as a tag: the words say it, the colour only repeats it. */
export async function RatingLevelTag({ level }: { level: number }) {
  const t = await getTranslations("rating");
  const tone: TTagTone = isGoodRating(level) ? "ok" : isBadRating(level) ? "bad" : "neutral";
  return <Tag tone={tone}>{t(`levels.${level}`)}</Tag>;
}

type TRating = { overall: number; efficiency: number; guideAccuracy: number; convenience: number; comment: string; createdAt: Date };
type TFollowUp = { id: string; departmentName: TLocalizedText; dueOn: string; status: TFollowUpStatus; reply: string | null; repliedAt: Date | null };

/** The applicant's rating on the tracker and, for a bad one, each department's reply or when it is due. */
export async function RatingSummary({ rating, followUps, locale }: { rating: TRating; followUps: TFollowUp[]; locale: Locale }) {
  const t = await getTranslations("ratingResult");
  const tr = await getTranslations("rating");
  return (
    <>
      <p className="mb-4 text-muted">{t("ratedOn", { date: formatDate(rating.createdAt, locale) })}</p>
      <SummaryList
        rows={[
          { key: t("overall"), value: <RatingLevelTag level={rating.overall} /> },
          ...subRatings.map((field) => ({ key: tr(`subLegends.${field}`), value: tr(`levels.${rating[field]}`) })),
          { key: t("comment"), value: rating.comment ? <span className="whitespace-pre-line">{rating.comment}</span> : <span className="text-muted">{t("noComment")}</span> },
        ]}
      />
      {followUps.length > 0 ? (
        <>
          <h3 className="mb-3 text-xl font-bold">{t("repliesTitle")}</h3>
          <ul className="mb-8 space-y-4">
            {followUps.map((followUp) => (
              <li key={followUp.id} className="border-l-4 border-brand bg-panel p-4">
                <h4 className="font-bold">{localize(followUp.departmentName, locale)}</h4>
                {followUp.status === "answered" && followUp.reply ? (
                  <>
                    <p className="mt-1 text-base text-muted">{t("repliedOn", { date: formatDate(followUp.repliedAt!, locale) })}</p>
                    <p className="mt-2 whitespace-pre-line">{followUp.reply}</p>
                  </>
                ) : (
                  <p className="mt-1">{t("waiting", { date: formatDate(followUp.dueOn, locale) })}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
