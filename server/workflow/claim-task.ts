/**
 * A clerk takes an unclaimed, open task of their own department. Two clerks claiming at once: the case lock puts
 * them in line, so exactly one wins; the other is told the task is already claimed. Nothing changes for the loser.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
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
    const { task } = locked;
    if (!actionableTaskStatuses.includes(task.status)) return fail("conflict:transition-not-allowed");

    const [claimed] = await tx
      .update(tasks)
      .set({ assigneeId: actor.id, claimedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, task.id))
      .returning({ version: tasks.version });
    await appendCaseEvent(tx, { caseId: task.caseId, taskId: task.id, actorId: actor.id, kind: "task-claimed", public: false });
    return { ok: true as const, version: claimed.version };
  });
}
