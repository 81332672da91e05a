/**
 * Bulk assignment: a clerk hands several tasks of their department — unclaimed, or their own — to one colleague of
 * the same department, in one transaction, all or none. A colleague outside the department, a task of another
 * department, one a third clerk holds, or one changed since the clerk saw it refuses the whole batch; nothing changes.
 */
import type { TDatabase } from "@/db/client";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { checkAssignable, findColleague, writeAssignment } from "./assign-task";
import { clerkDepartmentOf } from "./lock-department-task";
import { lockTaskBatch, type TTaskSelection } from "./lock-task-batch";

export type TAssignTasksOptions = { db: TDatabase; actor: TActor; selection: TTaskSelection[]; colleagueId: string; now?: Date };

export async function assignTasks({ db, actor, selection, colleagueId, now = new Date() }: TAssignTasksOptions): Promise<TResult<{ assigned: number }>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  if (selection.length === 0) return fail("invalid:bulk-selection");
  return db.transaction(async (tx) => {
    const colleague = await findColleague(tx, { actor, colleagueId, departmentId: clerk.departmentId });
    if (!colleague.ok) return colleague;
    const batch = await lockTaskBatch(tx, { actor, selection, holder: "actor-or-nobody" });
    if (!batch.ok) return batch;
    for (const { task } of batch.locked) {
      const assignable = checkAssignable(task);
      if (!assignable.ok) return { ...assignable, details: { taskId: task.id } };
    }
    // Every check passed before the first write: a refusal above has changed nothing.
    for (const locked of batch.locked) await writeAssignment(tx, { actor, locked, colleagueId: colleague.id, now });
    return { ok: true as const, assigned: batch.locked.length };
  });
}
