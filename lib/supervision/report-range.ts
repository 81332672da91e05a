/**
 * The date range of the supervision dashboard (电子监察): two calendar dates, both included, kept in the address
 * (`?from=2026-12-01&to=2026-12-31`). Unset, it is this month in Beijing time. A reversed range or one longer than
 * 5 years is refused with a code the page translates, and the page then shows this month instead.
 */
import { addDays, isIsoDate } from "@/lib/calendar/working-days";

export type TReportRange = { from: string; to: string };
export type TReportRangeError = "invalid:report-date" | "invalid:report-range-reversed" | "invalid:report-range-too-long";

export const REPORT_RANGE_MAX_YEARS = 5;

/** This month: its first and its last day, for `today` (YYYY-MM-DD). */
export function monthOf(today: string): TReportRange {
  const from = `${today.slice(0, 7)}-01`;
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(nextMonth, -1) };
}

/** The range asked for, or this month when neither date is given; an error code for a range we refuse. */
export function parseReportRange(query: { from?: string; to?: string }, today: string): { ok: true; range: TReportRange } | { ok: false; code: TReportRangeError } {
  const from = query.from?.trim() || undefined;
  const to = query.to?.trim() || undefined;
  if (!from && !to) return { ok: true, range: monthOf(today) };
  const range = { from: from ?? monthOf(today).from, to: to ?? monthOf(today).to };
  if (!isIsoDate(range.from) || !isIsoDate(range.to)) return { ok: false, code: "invalid:report-date" };
  if (range.from > range.to) return { ok: false, code: "invalid:report-range-reversed" };
  // "At most 5 years": 2021-03-01 – 2026-02-28 is fine, 2021-03-01 – 2026-03-01 is one day too many.
  const limit = `${String(Number(range.from.slice(0, 4)) + REPORT_RANGE_MAX_YEARS).padStart(4, "0")}${range.from.slice(4)}`;
  if (range.to >= (isIsoDate(limit) ? limit : addDays(`${limit.slice(0, 8)}28`, 1))) return { ok: false, code: "invalid:report-range-too-long" };
  return { ok: true, range };
}

/** Weeks for a range of up to 13 weeks, months beyond: a chart of at most ~60 points either way. */
export function periodOf(range: TReportRange): "week" | "month" {
  return range.to <= addDays(range.from, 91) ? "week" : "month";
}
