/**
 * 延期: the clerk holding a task asks, once, to extend its time limits by some working days, with a reason; a
 * supervisor decides. Approval moves both due dates (or, while the clock is stopped for a supplement, the days
 * left) and tells the applicant; either way the clerk hears the answer. Each step writes the trail and the outbox in
 * its own transaction, checked against the task's version.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks } from "@/db/schema";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { readPlainText } from "@/lib/text/plain-text";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification, listCaseApplicantIds, listSupervisorIds } from "@/server/notifications/enqueue-notification";
import { cachedReference } from "@/server/reference-cache";


export const EXTENSION_MAX_DAYS = 30;
export const EXTENSION_REASON_MAX = 1000;

async function lockTask(tx: TDatabase, taskId: string, departmentId?: string) {
  const [owner] = await tx
    .select({ caseId: tasks.caseId })
    .from(tasks)
    .where(departmentId ? and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)) : eq(tasks.id, taskId))
    .limit(1);
  if (!owner) return null;
  const caseRow = await lockCase(tx, owner.caseId);
  const [row] = await tx
    .select({ task: tasks, serviceName: services.name })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(eq(tasks.id, taskId))
    .for("update", { of: tasks });
  return { caseRow, task: row.task, serviceName: row.serviceName };
}

export async function requestExtension(options: {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  expectedVersion: number;
  days: number;
  reason: string;
  now?: Date;
}): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, expectedVersion, days, now = new Date() } = options;
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  // A malformed id would be a database error: it is refused like another department's task.
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  const read = readPlainText(options.reason, { multiline: true, max: EXTENSION_REASON_MAX, required: "invalid:extension", tooLong: "invalid:extension" });
  if (!Number.isInteger(days) || days < 1 || days > EXTENSION_MAX_DAYS) return fail("invalid:extension");
  if (!read.ok) return fail(read.code);
  const reason = read.text;
  const departmentId = actor.departmentId;

  return db.transaction(async (tx) => {
    const locked = await lockTask(tx, taskId, departmentId);
    if (!locked) return fail("forbidden:task");
    const { caseRow, task, serviceName } = locked;
    if (task.version !== expectedVersion) return fail("conflict:task-changed");
    if (task.assigneeId !== actor.id) return fail("conflict:task-not-claimed-by-you");
    if (isTaskConcluded(task.status) || task.status === "pending") return fail("conflict:transition-not-allowed", { status: task.status, action: "extend" });
    if (task.extensionStatus !== null) return fail("conflict:extension-used");

    const [updated] = await tx
      .update(tasks)
      .set({ extensionStatus: "requested", extensionDays: days, extensionReason: reason, extensionRequestedById: actor.id, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, taskId), isNull(tasks.extensionStatus)))
      .returning({ version: tasks.version });
    await appendCaseEvent(tx, { caseId: caseRow.id, taskId, actorId: actor.id, kind: "extension-requested", data: { days, reason }, public: false });
    await enqueueNotification(tx, {
      recipientIds: await listSupervisorIds(tx),
      topic: "extension-requested",
      params: { caseNumber: caseRow.number, service: serviceName, days },
      caseId: caseRow.id,
      link: "/supervise",
    });
    return { ok: true as const, version: updated.version };
  });
}

export async function decideExtension(options: {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  expectedVersion: number;
  approve: boolean;
  now?: Date;
}): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, expectedVersion, approve, now = new Date() } = options;
  // A supervisor of the task's own department, or one who watches every department (电子监察).
  if (actor.role !== "supervisor") return fail("forbidden:role");
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return db.transaction(async (tx) => {
    const locked = await lockTask(tx, taskId, actor.departmentId ?? undefined);
    if (!locked) return fail("forbidden:task");
    const { caseRow, task, serviceName } = locked;
    if (task.version !== expectedVersion) return fail("conflict:task-changed");
    if (task.extensionStatus !== "requested" || isTaskConcluded(task.status)) return fail("conflict:transition-not-allowed", { status: task.status, action: "decide-extension" });
    const days = task.extensionDays ?? 0;

    const moved = approve
      ? task.clockStoppedOn
        ? { promisedDaysLeft: (task.promisedDaysLeft ?? 0) + days, legalDaysLeft: (task.legalDaysLeft ?? 0) + days }
        : { dueDate: addWorkingDays(task.dueDate, days, calendar), legalDueDate: addWorkingDays(task.legalDueDate, days, calendar) }
      : {};
    const [updated] = await tx
      .update(tasks)
      .set({
        ...moved,
        extensionStatus: approve ? "approved" : "denied",
        extensionDecidedById: actor.id,
        extensionDecidedAt: now,
        // A deadline moved later is no longer the overdue one the department was told about.
        overdueNotifiedAt: approve ? null : task.overdueNotifiedAt,
        updatedAt: now,
        version: sql`${tasks.version} + 1`,
      })
      .where(eq(tasks.id, taskId))
      .returning({ version: tasks.version, dueDate: tasks.dueDate });
    await appendCaseEvent(tx, {
      caseId: caseRow.id,
      taskId,
      actorId: actor.id,
      kind: approve ? "task-extended" : "extension-denied",
      data: approve ? { days, dueDate: updated.dueDate } : { days },
      // The applicant sees a later due date and why; a refused extension changes nothing for them.
      public: approve,
    });
    const params = { caseNumber: caseRow.number, service: serviceName, dueDate: updated.dueDate };
    const clerk = task.extensionRequestedById ? [task.extensionRequestedById] : [];
    await enqueueNotification(tx, { recipientIds: clerk, topic: approve ? "extension-approved" : "extension-denied", params, caseId: caseRow.id, link: `/desk/tasks/${taskId}` });
    if (approve) {
      await enqueueNotification(tx, { recipientIds: await listCaseApplicantIds(tx, caseRow.id), topic: "extension-approved", params, caseId: caseRow.id, link: `/me/cases/${caseRow.number}` });
    }
    return { ok: true as const, version: updated.version };
  });
}

/** Extension requests waiting for a supervisor, oldest first. */
export async function listExtensionRequests(options: { db: TDatabase; actor: TActor }) {
  const { db, actor } = options;
  if (actor.role !== "supervisor") return fail("forbidden:role");
  const rows = await db
    .select({
      taskId: tasks.id,
      version: tasks.version,
      caseNumber: cases.number,
      serviceName: services.name,
      days: tasks.extensionDays,
      reason: tasks.extensionReason,
      dueDate: tasks.dueDate,
      legalDueDate: tasks.legalDueDate,
    })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(actor.departmentId ? and(eq(tasks.extensionStatus, "requested"), eq(tasks.departmentId, actor.departmentId)) : eq(tasks.extensionStatus, "requested"))
    .orderBy(tasks.updatedAt);
  return { ok: true as const, requests: rows, today: toIsoDate(new Date()) };
}
