/**
 * The clerk holding a task gives it back to their department's queue, with the version they saw. Only the assignee
 * may: the model has no department supervisor (supervisors watch every department and work no queue), and a
 * colleague who wants the task can ask for it to be assigned to them. The task keeps its status and its clock; it
 * only loses its assignee, so "claim next" offers it again when it is actionable.
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";

export type TReleaseTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  /** The task version the clerk saw: any change since then refuses the release. */
  expectedVersion: number;
  now?: Date;
};

export async function releaseTask({ db, actor, taskId, expectedVersion, now = new Date() }: TReleaseTaskOptions): Promise<TResult<{ version: number }>> {
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
    // Another department's task and a missing one look the same.
    if (!owner) return fail("forbidden:task");
    await lockCase(tx, owner.caseId);
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for("update");

    if (task.version !== expectedVersion) return fail("conflict:task-changed");
    if (task.assigneeId !== actor.id) return fail("conflict:task-not-claimed-by-you");
    if (isTaskConcluded(task.status)) return fail("conflict:transition-not-allowed");

    const [released] = await tx
      .update(tasks)
      .set({ assigneeId: null, claimedAt: null, updatedAt: now, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, taskId))
      .returning({ version: tasks.version });
    await appendCaseEvent(tx, { caseId: owner.caseId, taskId, actorId: actor.id, kind: "task-released", public: false });
    return { ok: true as const, version: released.version };
  });
}
