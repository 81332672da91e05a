/**
 * The periods of the public statistics (政务公开): this month and this year so far, in Beijing calendar dates. A
 * period's figures are those of the supervision dashboard for the same dates (server/supervision/
 * compute-supervision-figures.ts); "this year" runs to the year's last day, so a figure grows as the year does.
 */
import { monthOf, type TReportRange } from "@/lib/supervision/report-range";

export const publicPeriods = ["month", "year"] as const;
export type TPublicPeriod = (typeof publicPeriods)[number];

export function publicPeriodRanges(today: string): Record<TPublicPeriod, TReportRange> {
  const year = today.slice(0, 4);
  return { month: monthOf(today), year: { from: `${year}-01-01`, to: `${year}-12-31` } };
}
