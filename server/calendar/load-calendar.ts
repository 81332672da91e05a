import type { TDatabase } from "@/db/client";
import { calendarDays } from "@/db/schema";
import { createCalendar, type TCalendar } from "@/lib/calendar/working-days";

/** The holiday calendar as the admin keeps it (a few dozen rows a year, so read whole). */
export async function loadCalendar(db: TDatabase): Promise<TCalendar> {
  const days = await db.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
  return createCalendar(days);
}
