import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb, getReadDb } from "@/db/client";
import { RatingLevelTag } from "@/components/ratings/rating-summary";
import { ConcludedCasesTable } from "@/components/statistics/concluded-cases-table";
import { OpenDataLinks } from "@/components/statistics/open-data-links";
import { PublicFiguresTable } from "@/components/statistics/public-figures-table";
import { DataTable } from "@/components/ui/data-table";
import { PageHeading } from "@/components/ui/page-heading";
import { SummaryList } from "@/components/ui/summary-list";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDate, formatDecimal, formatPercent } from "@/lib/i18n/format";
import { localize, type Locale, type TLocalizedText } from "@/lib/i18n/locales";
import { ratingLevels, subRatings } from "@/lib/ratings/levels";
import { aggregateRatings, type TRatingAggregate } from "@/server/ratings/aggregate-ratings";
import { readCurrentTime } from "@/server/clock";
import { computePublicStatistics } from "@/server/statistics/compute-public-statistics";
import { listConcludedCases } from "@/server/statistics/list-concluded-cases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("statistics"))("title") };
}

/**
 * The public statistics (政务公开) for everyone, no sign-in: each department's and service's figures this month and
 * this year, 办件公示 (the latest concluded cases, masked, in keyset pages: `?cases=<cursor>`), the 好差评 ratings of
 * all time, and the open-data downloads of the same figures.
 */
export default async function StatisticsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const query = readSearchParams(await searchParams, { cases: z.string().max(300) });
  const db = getReadDb();
  const { now } = await readCurrentTime();
  const [byDepartment, byService, published, statistics] = [
    await computePublicStatistics({ db, primary: getDb(), group: "department", now }),
    await computePublicStatistics({ db, primary: getDb(), group: "service", now }),
    await listConcludedCases({ db, cursor: query.cases }),
    await aggregateRatings({ db, primary: getDb(), now }),
  ];
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

  const { month, year } = byDepartment.periods;
  const day = (date: string) => formatDate(date, locale);
  return (
    <div className="max-w-5xl">
      <PageHeading>{t("title")}</PageHeading>
      <p className="mb-8 max-w-3xl">{t("lead")}</p>
      <p className="mb-3 max-w-3xl">{t("figuresPeriods", { monthFrom: day(month.from), monthTo: day(month.to), yearFrom: day(year.from), yearTo: day(year.to) })}</p>
      <p className="mb-8 max-w-3xl text-muted">{t("figuresNote")}</p>

      <h2 id="figures-departments-title" className="mb-3 text-2xl font-bold">
        {t("figuresDepartmentsTitle")}
      </h2>
      {byDepartment.rows.length === 0 ? (
        <p className="mb-10">{t("figuresNone")}</p>
      ) : (
        <PublicFiguresTable id="figures-departments" caption={t("figuresDepartmentsCaption")} rows={byDepartment.rows} group="department" locale={locale} />
      )}

      <h2 id="figures-services-title" className="mb-3 text-2xl font-bold">
        {t("figuresServicesTitle")}
      </h2>
      {byService.rows.length === 0 ? (
        <p className="mb-10">{t("figuresNone")}</p>
      ) : (
        <PublicFiguresTable id="figures-services" caption={t("figuresServicesCaption")} rows={byService.rows} group="service" locale={locale} />
      )}

      <h2 id="published-cases-title" className="mb-2 text-2xl font-bold">
        {t("casesTitle")}
      </h2>
      <p className="mb-3 max-w-3xl text-muted">{t("casesLead")}</p>
      <ConcludedCasesTable cases={published.cases} nextCursor={published.nextCursor} isFirstPage={!query.cases} locale={locale} />

      <h2 className="mb-2 text-2xl font-bold">{t("ratingsTitle")}</h2>
      <p className="mb-6 max-w-3xl">{t("ratingsLead")}</p>
      {all.count === 0 ? (
        <p className="mb-8">{t("none")}</p>
      ) : (
        <>
          <h3 className="mb-3 text-xl font-bold">{t("summaryTitle")}</h3>
          <SummaryList
            rows={[
              { key: t("total"), value: all.count },
              { key: t("average"), value: average(all.average) },
              { key: t("goodShare"), value: share(all.goodShare) },
              ...subRatings.map((field) => ({ key: t("subAverage", { name: tr(`subLegends.${field}`) }), value: average(all.subAverages[field]) })),
            ]}
          />

          <h3 id="distribution-title" className="mb-3 text-xl font-bold">
            {t("distributionTitle")}
          </h3>
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

          <h3 id="departments-title" className="mb-2 text-xl font-bold">
            {t("departmentsTitle")}
          </h3>
          <p className="mb-3 text-muted">{t("departmentsNote")}</p>
          {table(
            "departments",
            t("departmentsCaption"),
            t("department"),
            statistics.departments.map((row) => ({ key: row.code, name: row.name, aggregate: row })),
          )}

          <h3 id="subjects-title" className="mb-3 text-xl font-bold">
            {t("subjectsTitle")}
          </h3>
          {table(
            "subjects",
            t("subjectsCaption"),
            t("subject"),
            statistics.subjects.map((row) => ({ key: `${row.subjectType}:${row.code}`, name: row.name, note: row.subjectType === "bundle" ? t("bundle") : undefined, aggregate: row })),
          )}
        </>
      )}

      <h2 id="open-data-title" className="mb-2 text-2xl font-bold">
        {t("openDataTitle")}
      </h2>
      <OpenDataLinks />
    </div>
  );
}
