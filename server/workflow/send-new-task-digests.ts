/**
 * 新任务提醒: a department's staff hear that new tasks reached its queue — a task of a new case, or one released
 * when its prerequisite was approved — in one message counting them, at most once every DESK_DIGEST_MINUTES, so a
 * busy queue does not flood their inboxes. Run by the outbox worker loop about once a minute in every replica.
 *
 * A task counts while it is waiting, unclaimed and not yet counted (`announced_at` null): one claimed before the
 * digest went out is already in someone's hands and is not news. Each department is digested in its own short
 * transaction that locks the department's row with SKIP LOCKED (two replicas never send the same digest; the one
 * that finds it locked moves on) and the tasks it counts likewise, never waiting for a clerk working on one: a task
 * skipped this way is counted by the next digest. The department row is only ever locked here, and the tasks are
 * locked after it, so this never deadlocks with the case-then-task order of every other writer.
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, tasks } from "@/db/schema";
import { enqueueNotification, listDepartmentStaffIds } from "@/server/notifications/enqueue-notification";

export type TSendNewTaskDigestsOptions = {
  db: TDatabase;
  /** DESK_DIGEST_MINUTES. */
  intervalMinutes: number;
  now?: Date;
};

/** Not counted yet: the conditions of the partial index tasks_unannounced_idx. */
const unannounced = and(isNull(tasks.announcedAt), isNull(tasks.assigneeId), eq(tasks.status, "waiting"));

/** Returns how many departments were sent a digest, and how many tasks those counted. */
export async function sendNewTaskDigests({ db, intervalMinutes, now = new Date() }: TSendNewTaskDigestsOptions): Promise<{ departments: number; tasks: number }> {
  const waiting = await db.selectDistinct({ departmentId: tasks.departmentId }).from(tasks).where(unannounced);
  const quietSince = new Date(now.getTime() - intervalMinutes * 60_000);
  let told = 0;
  let counted = 0;
  for (const { departmentId } of waiting) {
    const count = await digestDepartment(db, { departmentId, now, quietSince });
    if (count > 0) {
      told += 1;
      counted += count;
    }
  }
  return { departments: told, tasks: counted };
}

/** The number of tasks counted: 0 when the department was told too recently, or another replica is at it. */
async function digestDepartment(db: TDatabase, { departmentId, now, quietSince }: { departmentId: string; now: Date; quietSince: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const [department] = await tx
      .select({ name: departments.name, toldAt: departments.newTasksToldAt })
      .from(departments)
      .where(eq(departments.id, departmentId))
      .for("update", { skipLocked: true });
    if (!department || (department.toldAt && department.toldAt > quietSince)) return 0;
    const lockable = tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.departmentId, departmentId), unannounced))
      .for("update", { skipLocked: true });
    const counted = await tx
      .update(tasks)
      .set({ announcedAt: now })
      .where(inArray(tasks.id, lockable))
      .returning({ id: tasks.id });
    if (counted.length === 0) return 0;
    await tx.update(departments).set({ newTasksToldAt: now }).where(eq(departments.id, departmentId));
    await enqueueNotification(tx, {
      recipientIds: await listDepartmentStaffIds(tx, departmentId),
      topic: "new-tasks",
      params: { count: counted.length, department: department.name },
      link: "/desk",
    });
    return counted.length;
  });
}
