/**
 * The public statistics (政务公开) per department and per service, for this month and this year: received, concluded
 * and how, on time, handling time in working days, ratings and the share satisfied. Anyone may read them, so they
 * hold counts only, and only those figures a citizen judges a department by — the dashboard's internal ones
 * (overdue now, cards, follow-ups, extensions) stay on /supervise.
 *
 * Every figure is the supervision dashboard's, read through the same query (queryFigures), for all departments: one
 * definition of "received", "on time" or "handling time", whoever reads it.
 */
import type { TDatabase } from "@/db/client";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { publicPeriodRanges, publicPeriods, type TPublicPeriod } from "@/lib/statistics/public-periods";
import type { TReportRange } from "@/lib/supervision/report-range";
import { queryFigures, type TFigureGroup } from "@/server/supervision/compute-supervision-figures";

/** One row's figures for one period; shares are 0–1, days working days; null while there is nothing to measure. */
export type TPublicFigures = {
  received: number;
  concluded: number;
  approved: number;
  refused: number;
  rejected: number;
  withdrawn: number;
  onTimeRate: number | null;
  averageDays: number | null;
  p90Days: number | null;
  ratings: number;
  ratingAverage: number | null;
  satisfiedShare: number | null;
};

export type TPublicStatisticsRow = {
  departmentCode: string;
  departmentName: TLocalizedText;
  /** Null on a department's row. */
  serviceCode: string | null;
  serviceName: TLocalizedText | null;
  figures: Record<TPublicPeriod, TPublicFigures>;
};

export type TPublicStatistics = { today: string; periods: Record<TPublicPeriod, TReportRange>; rows: TPublicStatisticsRow[] };

const noFigures: TPublicFigures = {
  received: 0,
  concluded: 0,
  approved: 0,
  refused: 0,
  rejected: 0,
  withdrawn: 0,
  onTimeRate: null,
  averageDays: null,
  p90Days: null,
  ratings: 0,
  ratingAverage: null,
  satisfiedShare: null,
};

/** Departments (group "department") or services (group "service") with any figure this year, in code order. */
/** `db` may be the reports' read-only connection; closed days not yet counted are counted and stored on `primary`. */
export async function computePublicStatistics({ db, primary = db, group, now = new Date() }: { db: TDatabase; primary?: TDatabase; group: TFigureGroup; now?: Date }): Promise<TPublicStatistics> {
  const today = toIsoDate(now);
  const periods = publicPeriodRanges(today);
  const byKey = new Map<string, TPublicStatisticsRow>();
  for (const period of publicPeriods) {
    const { rows } = await queryFigures({ db, primary, range: periods[period], group, departmentId: null, now });
    for (const row of rows) {
      const entry = byKey.get(row.key) ?? {
        departmentCode: row.departmentCode,
        departmentName: row.departmentName,
        serviceCode: row.serviceCode,
        serviceName: row.serviceName,
        figures: { month: noFigures, year: noFigures },
      };
      entry.figures[period] = {
        received: row.received,
        concluded: row.concluded,
        approved: row.approved,
        refused: row.refused,
        rejected: row.rejected,
        withdrawn: row.withdrawn,
        onTimeRate: row.onTimeRate,
        averageDays: row.averageDays,
        p90Days: row.p90Days,
        ratings: row.ratings,
        ratingAverage: row.ratingAverage,
        satisfiedShare: row.satisfiedShare,
      };
      byKey.set(row.key, entry);
    }
  }
  // A row only "now" figures put there (an overdue task from last year, an open follow-up) has nothing to publish.
  const rows = [...byKey.values()].filter((row) => publicPeriods.some((period) => hasFigures(row.figures[period])));
  rows.sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || (a.serviceCode ?? "").localeCompare(b.serviceCode ?? ""));
  return { today, periods, rows };
}

function hasFigures(figures: TPublicFigures) {
  return figures.received + figures.concluded + figures.withdrawn + figures.ratings > 0;
}
