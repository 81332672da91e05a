/**
 * An administrator adds a day to the holiday calendar or changes one (its kind and name): a holiday (放假) on a
 * weekday, or a make-up working day (调休上班) on a weekend. Used to enter next year's arrangement once the State
 * Council publishes it, or to correct a day.
 *
 * Due dates already computed are not recounted: each was promised to an applicant with the calendar in force when
 * its clock started, and it stays as promised. Only clocks started or restarted from now on (a new task, a
 * supplement answered, an extension granted) count with the changed table.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { calendarDays, type TCalendarDay } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { readCalendarDayInput, type TCalendarDayInput, type TCalendarDayRefusal } from "./calendar-day-input";

export type TSetCalendarDayResult = { ok: true; day: Pick<TCalendarDay, "date" | "kind" | "name"> } | TCalendarDayRefusal | TAppError;

export async function setCalendarDay({ db, actor, ...input }: { db: TDatabase; actor: TActor } & TCalendarDayInput): Promise<TSetCalendarDayResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readCalendarDayInput(input);
  if (!checked.ok) return checked;
  const { date, kind, name } = checked.day;
  const columns = { date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name };
  const day = await db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(calendarDays).where(eq(calendarDays.date, date)).for("update");
    const [after] = await tx.insert(calendarDays).values({ date, kind, name }).onConflictDoUpdate({ target: calendarDays.date, set: { kind, name } }).returning(columns);
    await recordAdminChange({ db: tx, actor, entity: "calendar-day", entityId: date, action: before ? "edit" : "create", before: before ?? null, after });
    return after;
  });
  // This process counts with the change at once; other replicas within the cache's 10 s.
  forgetReferences(db);
  return { ok: true, day };
}
