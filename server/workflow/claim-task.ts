/**
 * A clerk takes an unclaimed, open task of their own department. Two clerks claiming at once: the case lock puts
 * them in line, so exactly one wins; the other is told the task is already claimed. Nothing changes for the loser.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks, type TTask } from "@/db/schema";
import { actionableTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { lockDepartmentTask } from "./lock-department-task";

export type TClaimTaskOptions = { db: TDatabase; actor: TActor; taskId: string; now?: Date };

export async function claimTask({ db, actor, taskId, now = new Date() }: TClaimTaskOptions): Promise<TResult<{ version: number }>> {
  return db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { holder: "nobody" } });
    if (!locked.ok) return locked;
    const claimable = checkClaimable(locked.task);
    if (!claimable.ok) return claimable;
    return writeClaim(tx, { actor, task: locked.task, now });
  });
}

/** Only a task the department may act on now is claimed: not one waiting on the applicant, nor a finished one. */
export function checkClaimable(task: TTask): TResult<object> {
  return actionableTaskStatuses.includes(task.status) ? { ok: true } : fail("conflict:transition-not-allowed");
}

/** The claim itself, on a task locked and checked by the caller (one claim, or each of a bulk claim). */
export async function writeClaim(tx: TDatabase, { actor, task, now }: { actor: TActor; task: TTask; now: Date }): Promise<{ ok: true; version: number }> {
  const [claimed] = await tx
    .update(tasks)
    .set({ assigneeId: actor.id, claimedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, task.id))
    .returning({ version: tasks.version });
  await appendCaseEvent(tx, { caseId: task.caseId, taskId: task.id, actorId: actor.id, kind: "task-claimed", public: false });
  return { ok: true as const, version: claimed.version };
}
