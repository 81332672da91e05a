import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { formatDecimal, formatPercent } from "@/lib/i18n/format";
import { localize, type Locale, type TLocalizedText } from "@/lib/i18n/locales";
import { ratingLevels, subRatings } from "@/lib/ratings/levels";
import { aggregateRatings, type TRatingAggregate } from "@/server/ratings/aggregate-ratings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statistics"))("title") };
}

/** 好差评 statistics for everyone (no sign-in): all ratings, by department, by service or bundle. */
export default async function StatisticsPage() {
  const statistics = await aggregateRatings({ db: getDb() });
  const t = await getTranslations("statistics");
  const tr = await getTranslations("rating");
  const locale = (await getLocale()) as Locale;
  const { all } = statistics;
  const average = (value: number | null) => (value === null ? t("notRated") : formatDecimal(value, locale));
  const share = (value: number | null) => (value === null ? t("notRated") : formatPercent(value, locale));
  const cell = "py-2 pr-2 sm:pr-4";
  const number = `${cell} text-right tabular-nums whitespace-nowrap`;

  // A table wider than a phone scrolls inside its own region, which a keyboard can reach to scroll it.
  const table = (id: string, caption: string, nameHeading: string, rows: { key: string; name: TLocalizedText; note?: string; aggregate: TRatingAggregate }[]) => (
    <div role="region" aria-labelledby={`${id}-title`} tabIndex={0} className="mb-10 overflow-x-auto">
      <table id={id} className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className={cell}>
              {nameHeading}
            </th>
            <th scope="col" className={`${number}`}>
              {t("count")}
            </th>
            <th scope="col" className={`${number}`}>
              {t("average")}
            </th>
            <th scope="col" className={`${number} pr-0`}>
              {t("goodShare")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-line align-top">
              <th scope="row" className={`${cell} font-normal`}>
                {localize(row.name, locale)}
                {row.note ? <span className="block text-base text-muted">{row.note}</span> : null}
              </th>
              <td className={number}>{row.aggregate.count}</td>
              <td className={number}>{average(row.aggregate.average)}</td>
              <td className={`${number} pr-0`}>{share(row.aggregate.goodShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="max-w-4xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      {all.count === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <>
          <h2 className="mb-3 text-2xl font-bold">{t("summaryTitle")}</h2>
          <SummaryList
            rows={[
              { key: t("total"), value: all.count },
              { key: t("average"), value: average(all.average) },
              { key: t("goodShare"), value: share(all.goodShare) },
              ...subRatings.map((field) => ({ key: t("subAverage", { name: tr(`subLegends.${field}`) }), value: average(all.subAverages[field]) })),
            ]}
          />

          <h2 id="distribution-title" className="mb-3 text-2xl font-bold">
            {t("distributionTitle")}
          </h2>
          <div role="region" aria-labelledby="distribution-title" tabIndex={0} className="mb-10 overflow-x-auto">
            <table className="w-full max-w-xl border-collapse text-left">
              <caption className="sr-only">{t("distributionCaption")}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className={cell}>
                    {t("level")}
                  </th>
                  <th scope="col" className={number}>
                    {t("count")}
                  </th>
                  <th scope="col" className={`${number} pr-0`}>
                    {t("share")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ratingLevels.map((level) => (
                  <tr key={level} className="border-b border-line">
                    <th scope="row" className={`${cell} font-normal`}>
                      <RatingLevelTag level={level} />
                    </th>
                    <td className={number}>{all.distribution[level]}</td>
                    <td className={`${number} pr-0`}>{share(all.distribution[level] / all.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <h2 id="departments-title" className="mb-2 text-2xl font-bold">
            {t("departmentsTitle")}
          </h2>
          <p className="mb-3 text-muted">{t("departmentsNote")}</p>
          {table(
            "departments",
            t("departmentsCaption"),
            t("department"),
            statistics.departments.map((row) => ({ key: row.code, name: row.name, aggregate: row })),
          )}

          <h2 id="subjects-title" className="mb-3 text-2xl font-bold">
            {t("subjectsTitle")}
          </h2>
          {table(
            "subjects",
            t("subjectsCaption"),
            t("subject"),
            statistics.subjects.map((row) => ({ key: `${row.subjectType}:${row.code}`, name: row.name, note: row.subjectType === "bundle" ? t("bundle") : undefined, aggregate: row })),
          )}
        </>
      )}
    </div>
  );
}
