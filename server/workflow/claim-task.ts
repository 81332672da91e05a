/**
 * A clerk takes an unclaimed, open task of their own department. Two clerks claiming at once: the conditional
 * update lets exactly one win; the other is told the task is already claimed. Nothing changes for the loser.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { actionableTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";

export type TClaimTaskOptions = { db: TDatabase; actor: TActor; taskId: string; now?: Date };

export async function claimTask({ db, actor, taskId, now = new Date() }: TClaimTaskOptions): Promise<TResult<{ version: number }>> {
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  // A malformed id would be a database error: it is refused like another department's task.
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  const departmentId = actor.departmentId;

  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ caseId: tasks.caseId })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)))
      .limit(1);
    // Not found and another department's task look the same: nothing is revealed about other departments.
    if (!owner) return fail("forbidden:task");
    // Every writer locks the case before its tasks, so writers never wait on each other in a circle.
    await lockCase(tx, owner.caseId);

    const [claimed] = await tx
      .update(tasks)
      .set({ assigneeId: actor.id, claimedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(and(eq(tasks.id, taskId), isNull(tasks.assigneeId), inArray(tasks.status, actionableTaskStatuses)))
      .returning({ version: tasks.version });
    if (!claimed) {
      const [task] = await tx.select({ assigneeId: tasks.assigneeId }).from(tasks).where(eq(tasks.id, taskId));
      return fail(task.assigneeId ? "conflict:task-already-claimed" : "conflict:transition-not-allowed");
    }

    await appendCaseEvent(tx, { caseId: owner.caseId, taskId, actorId: actor.id, kind: "task-claimed", public: false });
    return { ok: true as const, version: claimed.version };
  });
}
