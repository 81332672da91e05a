/**
 * What an administrator may write into the holiday calendar, checked at the use cases' boundary. Each refusal is
 * an error code on the field it is about, so a form can show every problem at once next to its field.
 */
import { z } from "zod";
import { calendarDayKinds, type TCalendarDay } from "@/db/schema";
import { isIsoDate, isWeekend } from "@/lib/calendar/working-days";
import { ZPlainText } from "@/lib/text/plain-text";
import { isErrorCode, type TErrorCode } from "@/server/errors";

/** Years an administrator may edit: wide enough for any real arrangement, narrow enough to catch a typo (20277). */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2100;
/** Characters, not UTF-16 units: "国庆节、中秋节" is 7. */
export const CALENDAR_NAME_MAX = 60;

export function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= CALENDAR_FIRST_YEAR && year <= CALENDAR_LAST_YEAR;
}

export const ZCalendarDate = z
  .string({ error: "invalid:calendar-date" })
  .trim()
  .refine((date) => isIsoDate(date) && isCalendarYear(Number(date.slice(0, 4))), { error: "invalid:calendar-date" });

export const ZCalendarDayInput = z.object({
  date: ZCalendarDate,
  kind: z.enum(calendarDayKinds, { error: "invalid:calendar-kind" }),
  // One line: the name is a cell of the calendar table.
  name: ZPlainText({ max: CALENDAR_NAME_MAX, required: "invalid:calendar-name-required", tooLong: "invalid:calendar-name-too-long" }),
});
export type TCalendarDayInput = { date: string; kind: string; name: string };

export type TCalendarDayField = keyof TCalendarDayInput;
const fieldCodes: Record<TCalendarDayField, TErrorCode> = {
  date: "invalid:calendar-date",
  kind: "invalid:calendar-kind",
  name: "invalid:calendar-name-required",
};

export type TCalendarDayRefusal = { ok: false; code: TErrorCode; fields: Partial<Record<TCalendarDayField, TErrorCode>> };

/** The day to write, or each field's first problem (`code` is the first of them, in form order). */
export function readCalendarDayInput(input: TCalendarDayInput): { ok: true; day: Pick<TCalendarDay, "date" | "kind" | "name"> } | TCalendarDayRefusal {
  const parsed = ZCalendarDayInput.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<TCalendarDayField, TErrorCode>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TCalendarDayField;
      fields[field] ??= isErrorCode(issue.message) ? issue.message : fieldCodes[field];
    }
    const code = fields.date ?? fields.kind ?? fields.name ?? "invalid:calendar-date";
    return { ok: false, code, fields };
  }
  const { date, kind } = parsed.data;
  // Monday to Friday is already a working day, so a make-up working day on one would change nothing: the date or the
  // kind is almost certainly wrong. A holiday on a weekend is allowed: the State Council's notice names whole breaks
  // (weekends included), as the seeded rows do, and such a row is harmless.
  if (kind === "workday" && !isWeekend(date)) return { ok: false, code: "invalid:calendar-workday-on-weekday", fields: { date: "invalid:calendar-workday-on-weekday" } };
  return { ok: true, day: parsed.data };
}
