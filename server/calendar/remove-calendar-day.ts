/**
 * An administrator removes a day from the holiday calendar: the date becomes an ordinary day again (a working day
 * from Monday to Friday, a day off at the weekend). As with every calendar change, due dates already computed stay
 * as promised; only clocks started or restarted from now on count without the day.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { calendarDays } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { forgetReferences } from "@/server/reference-cache";
import { ZCalendarDate } from "./calendar-day-input";

export async function removeCalendarDay({ db, actor, date }: { db: TDatabase; actor: TActor; date: string }): Promise<TResult<{ date: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const parsed = ZCalendarDate.safeParse(date);
  if (!parsed.success) return fail("invalid:calendar-date");
  const removed = await db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarDays).where(eq(calendarDays.date, parsed.data)).returning({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name });
    if (before) await recordAdminChange({ db: tx, actor, entity: "calendar-day", entityId: before.date, action: "remove", before, after: null });
    return before;
  });
  if (!removed) return fail("not-found:calendar-day");
  // This process counts without the day at once; other replicas within the cache's 10 s.
  forgetReferences(db);
  return { ok: true, date: parsed.data };
}
