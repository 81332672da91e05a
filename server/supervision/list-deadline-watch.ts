/**
 * The supervisor's watch list: tasks of every department that are overdue or due within 2 working days. Only tasks
 * whose clock runs count (lib/workflow/task-transitions.ts clockRunningStatuses), as on the desk and in the overdue
 * sweep: a pending task's due date is provisional, and a supplement stops the clock.
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, departments, services, tasks } from "@/db/schema";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { fail } from "@/server/errors";

export async function listDeadlineWatch({ db, actor, now = new Date() }: { db: TDatabase; actor: TActor; now?: Date }) {
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
      departmentName: departments.name,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(inArray(tasks.status, clockRunningStatuses), lte(tasks.dueDate, horizon)))
    .orderBy(asc(tasks.dueDate))
    .limit(500);
  return { ok: true as const, today, calendar, rows };
}
