/** One task as a clerk of its department sees it: the application's answers, the other departments' progress. */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { caseEvents, cases, departments, formDefinitions, services, supplementRequests, tasks, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";

export async function getTaskForClerk({ db, actor, taskId }: { db: TDatabase; actor: TActor; taskId: string }) {
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  // A malformed id would be a database error: it is refused like another department's task.
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  const [found] = await db
    .select({ task: tasks, service: services, case: cases, definition: formDefinitions.definition, assigneeName: users.displayName })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, actor.departmentId)))
    .limit(1);
  if (!found) return fail("forbidden:task");

  const applicant = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, found.case.applicantId))
    .then((rows) => rows[0]);
  const siblings = await db
    .select({
      id: tasks.id,
      status: tasks.status,
      dueDate: tasks.dueDate,
      prerequisiteTaskIds: tasks.prerequisiteTaskIds,
      departmentName: departments.name,
      serviceName: services.name,
    })
    .from(tasks)
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(eq(tasks.caseId, found.case.id))
    .orderBy(asc(departments.code));
  const events = await db
    .select({ id: caseEvents.id, kind: caseEvents.kind, data: caseEvents.data, createdAt: caseEvents.createdAt, actorName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.caseId, found.case.id), eq(caseEvents.taskId, taskId)))
    .orderBy(asc(caseEvents.id));
  const supplements = await db
    .select()
    .from(supplementRequests)
    .where(eq(supplementRequests.taskId, taskId))
    .orderBy(asc(supplementRequests.createdAt));
  return { ok: true as const, ...found, applicantName: applicant?.displayName ?? "", siblings, events, supplements };
}
