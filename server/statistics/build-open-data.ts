/**
 * The records of one open-data table (lib/statistics/open-data-fields.ts), the same for everyone and every language:
 * names in all three, figures as numbers rounded as the CSV of the dashboard rounds them (percentages and days to
 * one decimal), null for "nothing to measure". The route handler writes them as CSV or JSON.
 */
import type { TDatabase } from "@/db/client";
import { localize, type TLocalizedText } from "@/lib/i18n/locales";
import { publicPeriods } from "@/lib/statistics/public-periods";
import { openDataFields, type TOpenDataTable } from "@/lib/statistics/open-data-fields";
import { csvFigure } from "@/lib/supervision/figure-columns";
import { computePublicStatistics, type TPublicFigures } from "./compute-public-statistics";
import { CONCLUDED_CASES_MAX_PAGE, listConcludedCases } from "./list-concluded-cases";

export type TOpenDataValue = string | number | null;
export type TOpenDataRecord = Record<string, TOpenDataValue>;

const names = (prefix: string, name: TLocalizedText | null) => ({
  [`${prefix}_zh_hans`]: name ? localize(name, "zh-Hans") : null,
  [`${prefix}_zh_hant`]: name ? localize(name, "zh-Hant") : null,
  [`${prefix}_en`]: name ? localize(name, "en") : null,
});

const figureValues = (figures: TPublicFigures): TOpenDataRecord => ({
  received: figures.received,
  concluded: figures.concluded,
  approved: figures.approved,
  refused: figures.refused,
  rejected: figures.rejected,
  withdrawn: figures.withdrawn,
  on_time_rate_percent: csvFigure(figures.onTimeRate, "share"),
  average_handling_working_days: csvFigure(figures.averageDays, "days"),
  p90_handling_working_days: csvFigure(figures.p90Days, "days"),
  ratings: figures.ratings,
  rating_average: csvFigure(figures.ratingAverage, "rating"),
  satisfied_percent: csvFigure(figures.satisfiedShare, "share"),
});

/** The table's records, each with exactly the fields of openDataFields[table], in that order. */
export async function buildOpenData({ db, primary = db, table, now = new Date() }: { db: TDatabase; primary?: TDatabase; table: TOpenDataTable; now?: Date }): Promise<TOpenDataRecord[]> {
  const order = openDataFields[table].map((field) => field.name);
  const ordered = (record: TOpenDataRecord) => Object.fromEntries(order.map((name) => [name, record[name] ?? null]));
  if (table === "cases-concluded") {
    const { cases } = await listConcludedCases({ db, pageSize: CONCLUDED_CASES_MAX_PAGE });
    return cases.map((row) =>
      ordered({
        case_number: row.number,
        subject_type: row.subjectType,
        subject_code: row.subjectCode,
        ...names("subject_name", row.subjectName),
        applicant_kind: row.applicantKind,
        applicant_masked: row.applicant,
        result: row.result,
        concluded_on: row.concludedOn,
      }),
    );
  }
  const statistics = await computePublicStatistics({ db, primary, group: table === "departments" ? "department" : "service", now });
  return publicPeriods.flatMap((period) =>
    statistics.rows.map((row) =>
      ordered({
        period,
        period_from: statistics.periods[period].from,
        period_to: statistics.periods[period].to,
        service_code: row.serviceCode,
        ...names("service_name", row.serviceName),
        department_code: row.departmentCode,
        ...names("department_name", row.departmentName),
        ...figureValues(row.figures[period]),
      }),
    ),
  );
}
