/**
 * Bulk claim: a clerk takes several unclaimed tasks of their department in one transaction, all or none. Each must
 * be as the clerk saw it (its version), unclaimed and actionable; one that is not — another department's, claimed
 * or changed meanwhile — refuses the whole batch and nothing changes.
 */
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { checkClaimable, writeClaim } from "./claim-task";
import { lockTaskBatch, type TTaskSelection } from "./lock-task-batch";

export type TClaimTasksOptions = { db: TDatabase; actor: TActor; selection: TTaskSelection[]; now?: Date };

export async function claimTasks({ db, actor, selection, now = new Date() }: TClaimTasksOptions): Promise<TResult<{ claimed: number }>> {
  if (selection.length === 0) return fail("invalid:bulk-selection");
  return db.transaction(async (tx) => {
    const batch = await lockTaskBatch(tx, { actor, selection, holder: "nobody" });
    if (!batch.ok) return batch;
    for (const { task } of batch.locked) {
      const claimable = checkClaimable(task);
      if (!claimable.ok) return { ...claimable, details: { taskId: task.id } };
    }
    // Every check passed before the first write: a refusal above has changed nothing.
    for (const { task } of batch.locked) await writeClaim(tx, { actor, task, now });
    return { ok: true as const, claimed: batch.locked.length };
  });
}
