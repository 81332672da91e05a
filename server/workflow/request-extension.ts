/**
 * 延期: the clerk holding a task asks, once, to extend its time limits by some working days, with a reason; a
 * supervisor decides (decide-extension.ts). The request, its trail event and the supervisors' message are one
 * transaction, checked against the task's version.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { readPlainText } from "@/lib/text/plain-text";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification, listSupervisorIds } from "@/server/notifications/enqueue-notification";
import { checkTaskRequest, lockDepartmentTask } from "./lock-department-task";

export const EXTENSION_MAX_DAYS = 30;
export const EXTENSION_REASON_MAX = 1000;

export type TRequestExtensionOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  /** The task version the clerk saw: any change since then refuses the request. */
  expectedVersion: number;
  days: number;
  reason: string;
  now?: Date;
};

export async function requestExtension(options: TRequestExtensionOptions): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, expectedVersion, days, now = new Date() } = options;
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
  const read = readPlainText(options.reason, { multiline: true, max: EXTENSION_REASON_MAX, required: "invalid:extension", tooLong: "invalid:extension" });
  if (!Number.isInteger(days) || days < 1 || days > EXTENSION_MAX_DAYS) return fail("invalid:extension");
  if (!read.ok) return fail(read.code);
  const reason = read.text;

  return db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { version: expectedVersion, holder: "actor" } });
    if (!locked.ok) return locked;
    const { caseRow, task, serviceName } = locked;
    if (isTaskConcluded(task.status) || task.status === "pending") return fail("conflict:transition-not-allowed", { status: task.status, action: "extend" });
    if (task.extensionStatus !== null) return fail("conflict:extension-used");

    const [updated] = await tx
      .update(tasks)
      .set({ extensionStatus: "requested", extensionDays: days, extensionReason: reason, extensionRequestedById: actor.id, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, task.id), isNull(tasks.extensionStatus)))
      .returning({ version: tasks.version });
    await appendCaseEvent(tx, { caseId: caseRow.id, taskId: task.id, actorId: actor.id, kind: "extension-requested", data: { days, reason }, public: false });
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
