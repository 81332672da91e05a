/** For /admin/calendar: one year's holidays and make-up working days, and which years have any. */
import { and, asc, gte, lte, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { calendarDays, type TCalendarDay } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { isCalendarYear } from "./calendar-day-input";

export type TListCalendarDaysResult = TResult<{ year: number; days: Pick<TCalendarDay, "date" | "kind" | "name">[]; years: number[] }>;

export async function listCalendarDays({ db, actor, year }: { db: TDatabase; actor: TActor; year: number }): Promise<TListCalendarDaysResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isCalendarYear(year)) return fail("invalid:calendar-date");
  const yearOf = sql<number>`cast(extract(year from ${calendarDays.date}) as integer)`;
  const [days, years] = await Promise.all([
    db
      .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
      .from(calendarDays)
      .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
      .orderBy(asc(calendarDays.date)),
    db.selectDistinct({ year: yearOf }).from(calendarDays).orderBy(yearOf),
  ]);
  return { ok: true, year, days, years: years.map((row) => Number(row.year)) };
}
