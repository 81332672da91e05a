/**
 * The clerk holding a task gives it back to their department's queue, with the version they saw. Only the assignee
 * may: the model has no department supervisor (supervisors watch every department and work no queue), and a
 * colleague who wants the task can ask for it to be assigned to them. The task keeps its status and its clock; it
 * only loses its assignee, so "claim next" offers it again when it is actionable.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { lockDepartmentTask } from "./lock-department-task";

export type TReleaseTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  /** The task version the clerk saw: any change since then refuses the release. */
  expectedVersion: number;
  now?: Date;
};

export async function releaseTask({ db, actor, taskId, expectedVersion, now = new Date() }: TReleaseTaskOptions): Promise<TResult<{ version: number }>> {
  return db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { version: expectedVersion, holder: "actor" } });
    if (!locked.ok) return locked;
    const { task } = locked;
    if (isTaskConcluded(task.status)) return fail("conflict:transition-not-allowed");

    const [released] = await tx
      .update(tasks)
      .set({ assigneeId: null, claimedAt: null, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, task.id))
      .returning({ version: tasks.version });
    await appendCaseEvent(tx, { caseId: task.caseId, taskId: task.id, actorId: actor.id, kind: "task-released", public: false });
    return { ok: true as const, version: released.version };
  });
}
