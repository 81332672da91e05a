import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { DataTable } from "@/components/ui/data-table";
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

  type TAggregateRow = { key: string; name: TLocalizedText; note?: string; aggregate: TRatingAggregate };
  const table = (id: string, caption: string, nameHeading: string, rows: TAggregateRow[]) => (
    <DataTable
      id={id}
      labelledBy={`${id}-title`}
      className="mb-10"
      caption={caption}
      rows={rows}
      rowKey={(row) => row.key}
      columns={[
        {
          key: "name",
          header: nameHeading,
          rowHeader: true,
          cell: (row) => (
            <>
              {localize(row.name, locale)}
              {row.note ? <span className="block text-base text-muted">{row.note}</span> : null}
            </>
          ),
        },
        { key: "count", header: t("count"), numeric: true, cell: (row) => row.aggregate.count },
        { key: "average", header: t("average"), numeric: true, cell: (row) => average(row.aggregate.average) },
        { key: "goodShare", header: t("goodShare"), numeric: true, cell: (row) => share(row.aggregate.goodShare) },
      ]}
    />
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
          <DataTable
            id="distribution"
            labelledBy="distribution-title"
            className="mb-10 max-w-xl"
            caption={t("distributionCaption")}
            rows={ratingLevels}
            rowKey={(level) => String(level)}
            columns={[
              { key: "level", header: t("level"), rowHeader: true, cell: (level) => <RatingLevelTag level={level} /> },
              { key: "count", header: t("count"), numeric: true, cell: (level) => all.distribution[level] },
              { key: "share", header: t("share"), numeric: true, cell: (level) => share(all.distribution[level] / all.count) },
            ]}
          />

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
