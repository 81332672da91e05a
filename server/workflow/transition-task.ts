/**
 * A clerk moves a task they have claimed through the transition table: accept or refuse (不予受理), then approve or
 * reject. The change, the case's derived status and the trail are written in one transaction; a stale version, a
 * transition the table does not allow, or a task of another department changes nothing and says why.
 */
import { and, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, tasks } from "@/db/schema";
import {
  actionNeedsReason,
  deriveCaseStatus,
  isTaskConcluded,
  nextTaskStatus,
  transitionActor,
  type TTaskAction,
} from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";

export type TTransitionTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  action: TTaskAction;
  /** Required to refuse or reject; shown to the applicant. */
  reason?: string;
  /** The version the clerk saw; when given, any change since then refuses the action. */
  expectedVersion?: number;
  now?: Date;
};

export const REASON_MAX_LENGTH = 1000;

export async function transitionTask(options: TTransitionTaskOptions): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, action, expectedVersion, now = new Date() } = options;
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  const departmentId = actor.departmentId;
  const reason = options.reason?.trim() ?? "";
  if (actionNeedsReason(action) && !reason) return fail("invalid:reason-required");
  if (reason.length > REASON_MAX_LENGTH) return fail("invalid:reason-too-long", { max: REASON_MAX_LENGTH });

  return db.transaction(async (tx) => {
    // Lock the case first (the same order every writer uses), then read the task as it is now.
    const [owner] = await tx
      .select({ caseId: tasks.caseId })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)))
      .limit(1);
    if (!owner) return fail("forbidden:task");
    await lockCase(tx, owner.caseId);
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");

    if (expectedVersion !== undefined && task.version !== expectedVersion) return fail("conflict:task-changed");
    if (task.assigneeId !== actor.id) return fail("conflict:task-not-claimed-by-you");
    const next = nextTaskStatus(task.status, action);
    // A clerk takes only a clerk's actions here; asking for a supplement has its own use case (it lists items).
    if (!next || transitionActor(task.status, action) !== "clerk" || action === "request-supplement") return fail("conflict:transition-not-allowed", { status: task.status, action });

    const concluded = isTaskConcluded(next);
    const [updated] = await tx
      .update(tasks)
      .set({
        status: next,
        version: sql`${tasks.version} + 1`,
        reason: actionNeedsReason(action) ? reason : task.reason,
        decidedAt: concluded ? now : task.decidedAt,
        updatedAt: now,
      })
      .where(eq(tasks.id, taskId))
      .returning({ version: tasks.version });

    await appendCaseEvent(tx, {
      caseId: task.caseId,
      taskId,
      actorId: actor.id,
      kind: `task-${next}`,
      data: reason ? { reason } : {},
      public: true,
    });

    const siblings = await tx.select({ status: tasks.status }).from(tasks).where(eq(tasks.caseId, task.caseId));
    const caseStatus = deriveCaseStatus(siblings.map((s) => s.status));
    await tx
      .update(cases)
      .set({ status: caseStatus, updatedAt: now, concludedAt: caseStatus === "concluded" ? now : null })
      .where(eq(cases.id, task.caseId));
    if (caseStatus === "concluded") {
      await appendCaseEvent(tx, { caseId: task.caseId, actorId: null, kind: "case-concluded", public: true });
    }
    return { ok: true as const, version: updated.version };
  });
}
