/**
 * The one way a task changes status or its clock. Every use case that moves a task (an instant approval at submit, a
 * clerk's decision, a supplement asked or answered, a withdrawal, a prerequisite concluding, an approved extension)
 * checks who may act and then comes here, inside its transaction and after locking the case row. This applies the
 * transition table, moves the clock, writes the case event and the notifications, issues the e-licence an approval
 * yields, releases or cancels the tasks that wait on this one, and derives the case status, so none of that can be
 * forgotten by one caller.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks, type TCaseDocumentKind, type TLicence, type TTask } from "@/db/schema";
import type { TCalendar } from "@/lib/calendar/working-days";
import type { TTaskStatus } from "@/lib/workflow/statuses";
import type { TLocalizedText } from "@/lib/i18n/locales";
import {
  caseStatusOf,
  isTaskConcluded,
  nextTaskStatus,
  transitionActor,
  type TTaskAction,
  type TTransitionActor,
} from "@/lib/workflow/task-transitions";
import { extendClock, restartClock, startClock, stopClock } from "@/lib/workflow/task-clock";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { issueCaseDocument } from "@/server/documents/issue-case-document";
import { issueLicence } from "@/server/licences/issue-licence";
import { enqueueNotification, listCaseRecipients, listDepartmentStaffIds } from "@/server/notifications/enqueue-notification";
import { licenceIssuedNotification } from "@/server/licences/licence-issued-notification";
import { followUpCommitment } from "./follow-up-commitment";

export type TCaseTask = TTask & { serviceCode: string; serviceName: TLocalizedText; promisedLimitDays: number; legalLimitDays: number };

/** The case (already locked by the caller) with all its tasks, as one transition needs them. */
export type TTransitionContext = {
  tx: TDatabase;
  caseRow: { id: string; number: string; status: string };
  tasks: TCaseTask[];
  calendar: TCalendar;
  today: string;
  now: Date;
};

export async function loadTransitionContext(
  tx: TDatabase,
  caseRow: TTransitionContext["caseRow"],
  options: { calendar: TCalendar; today: string; now: Date },
): Promise<TTransitionContext> {
  const rows = await tx
    .select({
      task: tasks,
      serviceCode: services.code,
      serviceName: services.name,
      promisedLimitDays: services.promisedLimitDays,
      legalLimitDays: services.legalLimitDays,
    })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(eq(tasks.caseId, caseRow.id))
    .for("update", { of: tasks });
  return {
    tx,
    caseRow,
    tasks: rows.map((row) => ({ ...row.task, serviceCode: row.serviceCode, serviceName: row.serviceName, promisedLimitDays: row.promisedLimitDays, legalLimitDays: row.legalLimitDays })),
    ...options,
  };
}

export type TTransitionInput = {
  taskId: string;
  action: TTaskAction;
  by: TTransitionActor;
  /** Null for the system. */
  actorId: string | null;
  /** Public: shown to the applicant (a refusal's reason, a supplement request's note). */
  reason?: string;
  /** Extra event data (a supplement request's id and items, the changed answer keys). */
  data?: Record<string, unknown>;
};

const eventKinds: Partial<Record<TTaskAction, string>> = { release: "task-ready", "approve-on-commitment": "task-approved-on-commitment" };
/** The notification topic for the applicant's side, when the applicant must hear of this action. */
const applicantTopics: Partial<Record<TTaskAction, string>> = {
  accept: "task-accepted",
  refuse: "task-refused",
  approve: "task-approved",
  "approve-instantly": "task-approved",
  "approve-on-commitment": "task-approved",
  reject: "task-rejected",
  "request-supplement": "supplement-requested",
  cancel: "task-cancelled",
};

/**
 * Which action issues which written notice or decision (行政许可法 arts. 32, 38, 40), in the transition's own
 * transaction. The system's instant approval of a 即办件 (approve-instantly) issues none: the e-licence or certificate
 * it yields at once is its written result.
 */
export const documentKindOfAction: Partial<Record<TTaskAction, TCaseDocumentKind>> = {
  accept: "acceptance-notice",
  refuse: "refusal-notice",
  "request-supplement": "supplement-notice",
  approve: "approval-decision",
  "approve-on-commitment": "approval-decision",
  reject: "rejection-decision",
};

/**
 * Applies one transition and everything that follows from it, then writes the case's derived status. Returns the
 * task's new version.
 */
export async function runTaskTransition(context: TTransitionContext, input: TTransitionInput): Promise<TResult<{ version: number; status: TTaskStatus }>> {
  const result = await applyOne(context, input);
  if (!result.ok) return result;
  await writeCaseStatus(context);
  return result;
}

async function applyOne(context: TTransitionContext, input: TTransitionInput): Promise<TResult<{ version: number; status: TTaskStatus }>> {
  const { tx, caseRow, calendar, today, now } = context;
  const task = context.tasks.find((candidate) => candidate.id === input.taskId);
  if (!task) return fail("not-found:task");
  const next = nextTaskStatus(task.status, input.action, task.kind);
  if (!next || transitionActor(task.status, input.action, task.kind) !== input.by) {
    return fail("conflict:transition-not-allowed", { status: task.status, action: input.action });
  }

  const changes: Partial<TTask> = { status: next, updatedAt: now };
  // The clock starts when the task reaches its department, not when the case was submitted; it stops while the
  // applicant is asked for a supplement and restarts from the day it arrives.
  if (input.action === "release") Object.assign(changes, startClock(today, task, calendar));
  else if (input.action === "request-supplement") Object.assign(changes, stopClock(today, task, calendar));
  else if (input.action === "supply") {
    // A new due date: if the old one had passed and the department was told, the new one is watched in its turn.
    Object.assign(changes, restartClock(today, task, calendar), { overdueNotifiedAt: null });
  }
  if (input.action === "refuse" || input.action === "reject" || input.action === "cancel" || input.action === "fail") changes.reason = input.reason ?? null;
  if (isTaskConcluded(next)) changes.decidedAt = now;

  const [updated] = await tx
    .update(tasks)
    .set({ ...changes, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, task.id))
    .returning({ version: tasks.version });
  Object.assign(task, changes, { version: updated.version });

  await appendCaseEvent(tx, {
    caseId: caseRow.id,
    taskId: task.id,
    actorId: input.actorId,
    kind: eventKinds[input.action] ?? `task-${next}`,
    data: { ...(input.reason ? { reason: input.reason } : {}), ...input.data },
    public: true,
  });
  const documentKind = documentKindOfAction[input.action];
  if (documentKind) {
    const items = Array.isArray(input.data?.items) ? (input.data.items as { key: string; note: string }[]) : undefined;
    await issueCaseDocument(tx, { kind: documentKind, caseId: caseRow.id, taskId: task.id, serviceId: task.serviceId, departmentId: task.departmentId, actorId: input.actorId, reason: input.reason ?? null, supplementItems: items, onCommitment: input.action === "approve-on-commitment", now, calendar });
  }
  // An approval of a service that yields a licence issues it here, in the approving transaction.
  const licence = next === "approved" ? await issueLicence(tx, { caseId: caseRow.id, taskId: task.id, serviceId: task.serviceId, departmentId: task.departmentId, actorId: input.actorId, now }) : null;
  await notify(context, task, input.action, licence);
  // 告知承诺制: an approval on commitment opens its inspection; a failed inspection revokes that approval's licence.
  await followUpCommitment(context, task, input);

  // What follows for the tasks that wait on this one.
  for (const dependent of context.tasks.filter((candidate) => candidate.status === "pending" && candidate.prerequisiteTaskIds.includes(task.id))) {
    if (next === "approved") {
      const ready = dependent.prerequisiteTaskIds.every((id) => context.tasks.find((candidate) => candidate.id === id)?.status === "approved");
      if (ready) await applyOne(context, { taskId: dependent.id, action: "release", by: "system", actorId: null });
    } else if (isTaskConcluded(next)) {
      await applyOne(context, {
        taskId: dependent.id,
        action: "cancel",
        by: "system",
        actorId: null,
        data: { prerequisite: task.serviceCode, prerequisiteStatus: next },
      });
    }
  }
  return { ok: true, version: updated.version, status: next };
}

async function notify(context: TTransitionContext, task: TCaseTask, action: TTaskAction, licence: TLicence | null) {
  const { tx, caseRow } = context;
  const params = { caseNumber: caseRow.number, service: task.serviceName };
  const applicantTopic = applicantTopics[action];
  if (licence) {
    // One message for the approval and what it issued, leading to the wallet.
    await enqueueNotification(tx, licenceIssuedNotification({ recipients: await listCaseRecipients(tx, caseRow.id), caseId: caseRow.id, caseNumber: caseRow.number, serviceName: task.serviceName, licence }));
  } else if (applicantTopic) {
    await enqueueNotification(tx, {
      ...(await listCaseRecipients(tx, caseRow.id)),
      topic: applicantTopic,
      params: action === "refuse" || action === "reject" ? { ...params, reason: task.reason ?? "" } : params,
      caseId: caseRow.id,
      link: `/me/cases/${caseRow.number}`,
    });
  }
  // The department hears of work coming back or going away: a supplement, a withdrawal. A task reaching its queue
  // (released here, or new with its case) is counted in the department's new-task digest instead
  // (send-new-task-digests.ts), so a busy queue does not send one message per task.
  const departmentTopic = action === "supply" ? "supplement-received" : action === "withdraw" ? "case-withdrawn" : null;
  if (departmentTopic) {
    const recipientIds = task.assigneeId ? [task.assigneeId] : await listDepartmentStaffIds(tx, task.departmentId);
    await enqueueNotification(tx, { recipientIds, topic: departmentTopic, params, caseId: caseRow.id, link: `/desk/tasks/${task.id}` });
  }
}

/**
 * A supervisor's approval of an extension (延期): the task's clock moves `days` working days later (or, while it is
 * stopped for a supplement, it keeps that many more days), the extension is marked approved, and the applicant sees
 * the later due date on the trail. The status does not change. Returns the task's new version and due date.
 */
export async function runTaskExtension(context: TTransitionContext, input: { taskId: string; days: number; actorId: string }): Promise<{ version: number; dueDate: string }> {
  const { tx, caseRow, calendar, now } = context;
  const task = context.tasks.find((candidate) => candidate.id === input.taskId)!;
  const changes: Partial<TTask> = {
    ...extendClock(task, input.days, calendar),
    extensionStatus: "approved",
    extensionDecidedById: input.actorId,
    extensionDecidedAt: now,
    // A deadline moved later is no longer the overdue one the department was told about.
    overdueNotifiedAt: null,
    updatedAt: now,
  };
  const [updated] = await tx
    .update(tasks)
    .set({ ...changes, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, task.id))
    .returning({ version: tasks.version, dueDate: tasks.dueDate });
  Object.assign(task, changes, { version: updated.version });
  await appendCaseEvent(tx, { caseId: caseRow.id, taskId: task.id, actorId: input.actorId, kind: "task-extended", data: { days: input.days, dueDate: updated.dueDate }, public: true });
  return updated;
}

async function writeCaseStatus(context: TTransitionContext) {
  const { tx, caseRow, now } = context;
  const status = caseStatusOf(context.tasks);
  if (status === caseRow.status) return;
  const ended = status === "concluded" || status === "withdrawn";
  await tx.update(cases).set({ status, updatedAt: now, concludedAt: ended ? now : null }).where(eq(cases.id, caseRow.id));
  if (ended) await appendCaseEvent(tx, { caseId: caseRow.id, actorId: null, kind: `case-${status}`, public: true });
  caseRow.status = status;
}
