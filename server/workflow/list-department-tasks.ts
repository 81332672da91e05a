/** A clerk's department queue: open tasks soonest due first, then the most recently concluded. */
import { and, asc, desc, eq, inArray, notInArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks, users } from "@/db/schema";
import { openTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";

export async function listDepartmentTasks({ db, actor, doneLimit = 20 }: { db: TDatabase; actor: TActor; doneLimit?: number }) {
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  const columns = {
    id: tasks.id,
    status: tasks.status,
    dueDate: tasks.dueDate,
    legalDueDate: tasks.legalDueDate,
    version: tasks.version,
    assigneeId: tasks.assigneeId,
    assigneeName: users.displayName,
    caseNumber: cases.number,
    submittedAt: cases.submittedAt,
    serviceName: services.name,
  };
  const base = () =>
    db
      .select(columns)
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(services, eq(services.id, tasks.serviceId))
      .leftJoin(users, eq(users.id, tasks.assigneeId));
  const open = await base()
    .where(and(eq(tasks.departmentId, actor.departmentId), inArray(tasks.status, openTaskStatuses)))
    .orderBy(asc(tasks.dueDate), asc(cases.submittedAt))
    .limit(500);
  const done = await base()
    .where(and(eq(tasks.departmentId, actor.departmentId), notInArray(tasks.status, openTaskStatuses)))
    .orderBy(desc(tasks.decidedAt))
    .limit(doneLimit);
  return { ok: true as const, open, done };
}
