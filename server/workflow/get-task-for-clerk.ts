/**
 * One task as a clerk of its department sees it: its department's part of the application's answers (the rest is
 * not even handed to the page), the other departments' progress, and whether the applicant signed the service's
 * commitment (告知承诺制), so the page offers approval on commitment.
 */
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { caseEvents, cases, formDefinitions, services, supplementRequests, tasks, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { listCaseTasks } from "@/server/cases/list-case-tasks";
import { narrowAnswers, narrowDefinition } from "@/lib/forms/narrow-definition";
import { commitmentGiven } from "@/lib/workflow/commitment";
import { checkTaskRequest } from "./lock-department-task";
import { listDepartmentFieldKeys } from "./list-department-field-keys";

export async function getTaskForClerk({ db, actor, taskId }: { db: TDatabase; actor: TActor; taskId: string }) {
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
  const departmentId = checked.departmentId!;
  const [found] = await db
    .select({ task: tasks, service: services, case: cases, definition: formDefinitions.definition, assigneeName: users.displayName })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(formDefinitions, eq(formDefinitions.id, cases.formDefinitionId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)))
    .limit(1);
  if (!found) return fail("forbidden:task");
  // Read from the whole answers before they are narrowed: the commitment answer is the service's own anyway.
  const commitment = commitmentGiven(found.service.commitment, found.case.answers);
  const part = await listDepartmentFieldKeys(db, { formDefinitionId: found.case.formDefinitionId, serviceCode: found.service.code });
  if (!part.whole) {
    found.definition = narrowDefinition(found.definition, part.keys);
    found.case = { ...found.case, answers: narrowAnswers(found.case.answers, part.keys) };
  }

  const applicant = await db
    .select({ displayName: users.displayName })
    .from(users)
    .where(eq(users.id, found.case.applicantId))
    .then((rows) => rows[0]);
  const siblings = await listCaseTasks(db, found.case.id);
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
  return { ok: true as const, ...found, commitmentGiven: commitment, partOnly: !part.whole, applicantName: applicant?.displayName ?? "", siblings, events, supplements };
}
