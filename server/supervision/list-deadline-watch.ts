/**
 * The supervisor's watch list: tasks of every department that are overdue or due within 2 working days. Only tasks
 * whose clock runs count (lib/workflow/task-transitions.ts clockRunningStatuses), as on the desk and in the overdue
 * sweep: a pending task's due date is provisional, and a supplement stops the clock. Due within 2 working days is the
 * yellow card (lib/workflow/deadline-state.ts), overdue the red. A supervisor of one department sees that department's
 * tasks; one of none (电子监察) and admins see all. The dashboard's drill-down narrows it to one department, and to the
 * overdue tasks alone (the "overdue now" figure).
 */
import { and, asc, eq, inArray, lt, lte } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, departments, services, tasks } from "@/db/schema";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { fail } from "@/server/errors";

export const DEADLINE_WATCH_LIMIT = 500;

type TWatchOptions = { db: TDatabase; actor: TActor; now?: Date; departmentId?: string; overdueOnly?: boolean };

export async function listDeadlineWatch({ db, actor, now = new Date(), departmentId, overdueOnly = false }: TWatchOptions) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  const calendar = await loadCalendar(db);
  const today = toIsoDate(now);
  const horizon = addWorkingDays(today, 2, calendar);
  const rows = await db
    .select({
      id: tasks.id,
      kind: tasks.kind,
      status: tasks.status,
      dueDate: tasks.dueDate,
      caseNumber: cases.number,
      serviceName: services.name,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(
      and(
        inArray(tasks.status, clockRunningStatuses),
        overdueOnly ? lt(tasks.dueDate, today) : lte(tasks.dueDate, horizon),
        actor.role === "supervisor" && actor.departmentId ? eq(tasks.departmentId, actor.departmentId) : undefined,
        departmentId ? eq(tasks.departmentId, departmentId) : undefined,
      ),
    )
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(DEADLINE_WATCH_LIMIT);
  return { ok: true as const, today, calendar, rows };
}
