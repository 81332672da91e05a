/**
 * The open urgings (督办) of a clerk's department, the soonest deadline first — all of them for the queue page, or
 * those about one task or one follow-up for its page — each with its deadline state by the working-day calendar.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { urgings } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { deadlineState } from "@/lib/workflow/deadline-state";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { cachedReference } from "@/server/reference-cache";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";
import { selectUrgings } from "./urging-columns";

/** Open urgings are few (a supervisor sends them one by one); the list shows them all up to this. */
export const OPEN_URGINGS_LIMIT = 100;

type TOptions = { db: TDatabase; actor: TActor; taskId?: string; followUpId?: string; now?: Date };

export async function listDepartmentUrgings({ db, actor, taskId, followUpId, now = new Date() }: TOptions) {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const rows = await selectUrgings(db)
    .where(
      and(
        eq(urgings.departmentId, clerk.departmentId),
        isNull(urgings.answeredAt),
        taskId ? eq(urgings.taskId, taskId) : undefined,
        followUpId ? eq(urgings.followUpId, followUpId) : undefined,
      ),
    )
    .orderBy(asc(urgings.deadline), asc(urgings.sentAt))
    .limit(OPEN_URGINGS_LIMIT);
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const today = toIsoDate(now);
  return { ok: true as const, rows: rows.map((row) => ({ ...row, deadlineState: deadlineState(row.deadline, today, calendar) })) };
}
