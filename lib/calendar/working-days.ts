/**
 * Working-day arithmetic for statutory deadlines (办理时限), on ISO calendar dates (YYYY-MM-DD).
 *
 * Dates are plain strings and all arithmetic goes through UTC, so the result never depends on the time zone
 * of the machine (a browser in Los Angeles and a server in Shanghai compute the same deadline).
 */

export type TCalendar = {
  /** Official days off, including those that fall on a weekday. */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休上班) that fall on a Saturday or Sunday. */
  workdays: ReadonlySet<string>;
};

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisecondsPerDay = 86_400_000;

/** Parses a YYYY-MM-DD string into a UTC Date, or null if it is not a real calendar date. */
export function parseIsoDate(date: string): Date | null {
  const match = isoDatePattern.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  parsed.setUTCFullYear(year, month - 1, day);
  const roundTrips =
    parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
  return roundTrips ? parsed : null;
}

/** True for a YYYY-MM-DD string that names a real calendar date (no 2026-02-30). */
export function isIsoDate(date: string): boolean {
  return parseIsoDate(date) !== null;
}

function parseIsoDateOrThrow(date: string): Date {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parsed;
}

function formatUtcDate(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

export function createCalendar(days: { date: string; kind: "holiday" | "workday" }[]): TCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const { date, kind } of days) {
    parseIsoDateOrThrow(date);
    (kind === "holiday" ? holidays : workdays).add(date);
  }
  return { holidays, workdays };
}

/**
 * Pure calendar arithmetic, `days` whole days after (or before, if negative): of a calendar date (YYYY-MM-DD), the
 * date; of an instant, the instant that many 24-hour days later (a draft's expiry).
 */
export function addDays(date: string, days: number): string;
export function addDays(instant: Date, days: number): Date;
export function addDays(date: string | Date, days: number): string | Date {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  if (date instanceof Date) return new Date(date.getTime() + days * millisecondsPerDay);
  const parsed = parseIsoDateOrThrow(date);
  return formatUtcDate(new Date(parsed.getTime() + days * millisecondsPerDay));
}

/** Saturday or Sunday: a day off unless the calendar makes it a make-up working day. */
export function isWeekend(date: string): boolean {
  const weekday = parseIsoDateOrThrow(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(date: string, calendar: TCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  return !isWeekend(date) && !calendar.holidays.has(date);
}

/**
 * The deadline `days` working days after `start`. The day of receipt is not counted (行政许可法 practice:
 * counting starts the next day), so the result is the date of the `days`-th working day after `start`.
 * `days = 0` returns `start` itself.
 */
export function addWorkingDays(start: string, days: number, calendar: TCalendar): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
  parseIsoDateOrThrow(start);
  let current = start;
  let remaining = days;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/** Working days in the half-open range (from, to]: the inverse of addWorkingDays. 0 if `to` is not after `from`. */
export function countWorkingDays(from: string, to: string, calendar: TCalendar): number {
  parseIsoDateOrThrow(from);
  parseIsoDateOrThrow(to);
  // ISO dates with four-digit years sort as strings.
  if (to <= from) return 0;
  let count = 0;
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    if (isWorkingDay(current, calendar)) count += 1;
  }
  return count;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in a time zone (Asia/Shanghai by default: deadlines run on Beijing time,
 * whatever the clock of the server or browser says).
 */
export function toIsoDate(instant: Date, timeZone = "Asia/Shanghai"): string {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    // en-CA formats as YYYY-MM-DD; we still read the parts so an ICU change of pattern cannot break us.
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year").padStart(4, "0")}-${part("month")}-${part("day")}`;
}
