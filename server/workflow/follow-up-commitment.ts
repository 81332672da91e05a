/**
 * 告知承诺制 (approval on commitment) around the one runner: what a clerk's approval on commitment and the inspection
 * after it bring besides the status change. Called by run-task-transition.ts inside its transaction, after the task
 * moved, the trail event was written and the approval's licence was issued; kept here so the runner stays small.
 *
 * - approve-on-commitment: an inspection task (kind "inspection", 核查) of the same service and department in the
 *   same case, waiting unclaimed in the department's queue, due within the service's `commitment.inspectionDays`
 *   working days (lib/workflow/task-clock.ts); its prerequisite is the approval, so the tracker draws it after it.
 * - pass: the applicant is told the inspection found the commitment kept.
 * - fail: the licence the approval issued is revoked through the revocation's own writer
 *   (server/licences/revoke-licence.ts), with the findings as its public reason, and the applicant is told.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licences, services, tasks } from "@/db/schema";
import { commitmentGiven } from "@/lib/workflow/commitment";
import { startClock } from "@/lib/workflow/task-clock";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { writeRevocation } from "@/server/licences/revoke-licence";
import { enqueueNotification, listCaseRecipients } from "@/server/notifications/enqueue-notification";
import type { TLockedTask } from "./lock-department-task";
import type { TCaseTask, TTransitionContext, TTransitionInput } from "./run-task-transition";

/**
 * Whether a clerk may approve this task on commitment: its service offers it and the applicant's answer says yes.
 * Read from the locked case's whole answers, not the department's part a page shows.
 */
export async function checkCommitment(tx: TDatabase, locked: TLockedTask): Promise<TResult<object>> {
  const [service] = await tx.select({ commitment: services.commitment }).from(services).where(eq(services.id, locked.task.serviceId));
  return commitmentGiven(service?.commitment, locked.caseRow.answers) ? { ok: true } : fail("conflict:no-commitment");
}

/** What follows a transition of approval on commitment or of an inspection; nothing for any other. */
export async function followUpCommitment(context: TTransitionContext, task: TCaseTask, input: TTransitionInput): Promise<void> {
  if (input.action === "approve-on-commitment") await openInspection(context, task, input.actorId);
  else if (task.kind === "inspection" && (input.action === "pass" || input.action === "fail")) await concludeInspection(context, task, input);
}

async function openInspection(context: TTransitionContext, approved: TCaseTask, actorId: string | null) {
  const { tx, caseRow, calendar, today } = context;
  const [service] = await tx.select({ commitment: services.commitment }).from(services).where(eq(services.id, approved.serviceId));
  const days = service?.commitment?.inspectionDays;
  // The use case refuses an approval on commitment a service does not offer; without its setting there is no window.
  if (!days) return;
  const [inspection] = await tx
    .insert(tasks)
    .values({
      caseId: caseRow.id,
      serviceId: approved.serviceId,
      departmentId: approved.departmentId,
      kind: "inspection",
      status: "waiting",
      prerequisiteTaskIds: [approved.id],
      ...startClock(today, { promisedLimitDays: days, legalLimitDays: days }, calendar),
    })
    .returning();
  context.tasks.push({ ...inspection, serviceCode: approved.serviceCode, serviceName: approved.serviceName, promisedLimitDays: days, legalLimitDays: days });
  await appendCaseEvent(tx, { caseId: caseRow.id, taskId: inspection.id, actorId, kind: "inspection-opened", data: { dueDate: inspection.dueDate }, public: true });
}

async function concludeInspection(context: TTransitionContext, inspection: TCaseTask, input: TTransitionInput) {
  const { tx, caseRow, now } = context;
  const params = { caseNumber: caseRow.number, service: inspection.serviceName };
  const recipients = await listCaseRecipients(tx, caseRow.id);
  const link = `/me/cases/${caseRow.number}`;
  if (input.action === "pass") {
    await enqueueNotification(tx, { ...recipients, topic: "inspection-passed", params, caseId: caseRow.id, link });
    return;
  }
  const findings = input.reason ?? "";
  // The licence of the approval this inspection follows; the case is locked (the caller's lock), then the licence.
  const [licence] = inspection.prerequisiteTaskIds.length > 0 ? await tx.select().from(licences).where(eq(licences.taskId, inspection.prerequisiteTaskIds[0])).for("update") : [];
  // Already revoked by hand (from the licence page) stays as it was: one revocation, its first reason.
  if (licence && !licence.revokedAt) await writeRevocation(tx, { licence, actorId: input.actorId, reason: findings, now });
  await enqueueNotification(tx, {
    ...recipients,
    topic: "inspection-failed",
    params: { ...params, reason: findings, licence: licence?.title ?? "", number: licence?.number ?? "none" },
    caseId: caseRow.id,
    link,
  });
}
