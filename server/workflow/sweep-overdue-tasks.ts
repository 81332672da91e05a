/**
 * 超期提醒: tells a department, once, that one of its tasks has passed its due date. Run by the outbox worker loop
 * (server/notifications/start-outbox-worker.ts) about once a minute in every replica.
 *
 * "Overdue" is the desk's rule (lib/workflow/deadline-state.ts, the `overdue` view of list-queue.ts): the task's
 * clock runs (not pending, not stopped for a supplement) and today, in Beijing, is after its due date. The
 * department hears of it through the outbox: the assignee and the department's supervisors when someone holds the
 * task, else every clerk and supervisor of the department. `overdue_notified_at` records that it was told; a
 * change that moves the due date later (an approved extension, a supplement restarting the clock) clears it, so
 * the new date is watched in its turn. The case trail gets an internal "task-overdue" event.
 *
 * Locking. Each task is told in its own short transaction, which locks the task and its case in one statement with
 * `FOR UPDATE OF tasks, cases SKIP LOCKED`, as claim-next does: the sweep must lock the case before appending to
 * its trail, but it finds the task first, and waiting for the case while holding the task would reverse every other
 * writer's order (case, then task). Never waiting means no deadlock with a clerk working on the case, and two
 * replicas sweeping at once never tell a department twice: the one that finds the rows locked skips them, and the
 * statement re-checks `overdue_notified_at is null` on the row as last committed. A task skipped this way is told
 * by the next sweep.
 */
import { and, asc, eq, inArray, isNull, lt } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, services, tasks } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import {
  enqueueNotification,
  listDepartmentStaffIds,
  listDepartmentSupervisorIds,
} from "@/server/notifications/enqueue-notification";

export type TSweepOverdueTasksOptions = {
  db: TDatabase;
  now?: Date;
  /** At most this many tasks per sweep; the rest wait for the next one. */
  limit?: number;
};

/** Overdue on `today` and not told yet: the conditions of the partial index tasks_overdue_untold_idx. */
function overdueAndUntold(today: string) {
  return and(inArray(tasks.status, clockRunningStatuses), lt(tasks.dueDate, today), isNull(tasks.overdueNotifiedAt));
}

/** Returns how many tasks' departments were told in this sweep. */
export async function sweepOverdueTasks({ db, now = new Date(), limit = 200 }: TSweepOverdueTasksOptions): Promise<{ notified: number }> {
  const today = toIsoDate(now);
  const candidates = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(overdueAndUntold(today))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(limit);
  let notified = 0;
  for (const { id } of candidates) {
    if (await notifyOverdueTask({ db, taskId: id, today, now })) notified += 1;
  }
  return { notified };
}

/** False when the task is no longer overdue and untold, or another writer holds it or its case right now. */
async function notifyOverdueTask({ db, taskId, today, now }: { db: TDatabase; taskId: string; today: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select({
        id: tasks.id,
        caseId: tasks.caseId,
        departmentId: tasks.departmentId,
        assigneeId: tasks.assigneeId,
        dueDate: tasks.dueDate,
        caseNumber: cases.number,
        serviceName: services.name,
      })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(services, eq(services.id, tasks.serviceId))
      .where(and(eq(tasks.id, taskId), overdueAndUntold(today)))
      .for("update", { of: [tasks, cases], skipLocked: true });
    if (!task) return false;

    // Neither the version nor updatedAt moves: the task itself has not changed, so a clerk's open form stays valid.
    await tx.update(tasks).set({ overdueNotifiedAt: now }).where(eq(tasks.id, task.id));
    await appendCaseEvent(tx, { caseId: task.caseId, taskId: task.id, actorId: null, kind: "task-overdue", data: { dueDate: task.dueDate }, public: false });
    const recipientIds = task.assigneeId
      ? [task.assigneeId, ...(await listDepartmentSupervisorIds(tx, task.departmentId))]
      : await listDepartmentStaffIds(tx, task.departmentId);
    await enqueueNotification(tx, {
      recipientIds,
      topic: "task-overdue",
      params: { caseNumber: task.caseNumber, service: task.serviceName, dueDate: task.dueDate },
      caseId: task.caseId,
      link: `/desk/tasks/${task.id}`,
    });
    return true;
  });
}
