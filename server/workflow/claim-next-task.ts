/**
 * "Claim next": a clerk takes their department's unclaimed actionable task that is due soonest (ties by id), in
 * one transaction. Any number of clerks may press it at once: each gets a different task, none waits for another.
 *
 * Locking. Every writer locks the case row before its task rows (server/cases/lock-case.ts). Claim-next cannot
 * know the case before it has picked the task, and picking is what must skip rows other claimers hold. So one
 * statement picks the task AND locks its case with `FOR UPDATE OF tasks, cases SKIP LOCKED`: it never waits for
 * any lock, so it cannot be part of a deadlock whatever order the two rows are taken in, and it never queues
 * behind a writer busy with the same case (that task is skipped this time; the next one is taken). Waiting for
 * the case after picking the task instead would hold a task lock while waiting for a case lock — the reverse of
 * everyone else's order — and a clerk deciding on that case, who holds the case and wants its tasks, would
 * deadlock with us. When a task's row is locked but its case is not available, PostgreSQL keeps the task lock
 * until we commit; other claimers skip that task for those few milliseconds, and the next press takes it.
 *
 * Under READ COMMITTED a row another claimer changed since our snapshot is re-read after locking and re-checked
 * against the conditions (still unclaimed, still actionable), so a task is never claimed twice.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { cases, tasks } from "@/db/schema";
import { actionableTaskStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { clerkDepartmentOf } from "./lock-department-task";

export type TClaimNextTaskOptions = { db: TDatabase; actor: TActor; now?: Date };

/**
 * Pick and claim in one statement, built once per process (db/prepared.ts): claiming is the desk's hottest write,
 * and drizzle assembling this SQL on every press was most of its cost (docs/BENCHMARKS.md, bench:claim).
 */
const claimNext = prepareStatement<{ departmentId: string; actorId: string; now: string }, ReturnType<typeof buildClaimNext>>("workflow.claim-next-task", buildClaimNext);

function buildClaimNext(db: TDatabase) {
  // The conditions are those of the partial index tasks_unclaimed_idx, so the planner walks that index in
  // (due_date, id) order and stops at the first row it can lock.
  const pick = db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(and(eq(tasks.departmentId, sql.placeholder("departmentId")), isNull(tasks.assigneeId), inArray(tasks.status, actionableTaskStatuses)))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(1)
    .for("update", { of: [tasks, cases], skipLocked: true });
  // `id = (subquery)` makes the pick a scalar sub-plan that runs once. Joining the pick in with UPDATE … FROM
  // instead lets the planner run it again per row, and one press would claim several tasks.
  const now = sql`${sql.placeholder("now")}::timestamptz`;
  return db
    .update(tasks)
    .set({ assigneeId: sql`${sql.placeholder("actorId")}`, claimedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, sql`(${pick})`), isNull(tasks.assigneeId)))
    .returning({ id: tasks.id, caseId: tasks.caseId, version: tasks.version });
}

/**
 * The claimed task's id and new version, or `not-found:unclaimed-task` when nothing in the department's queue can
 * be claimed right now (empty, or its last tasks are being claimed by colleagues at this moment).
 */
export async function claimNextTask({ db, actor, now = new Date() }: TClaimNextTaskOptions): Promise<TResult<{ taskId: string; version: number }>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;

  return db.transaction(async (tx) => {
    const [claimed] = await claimNext(tx, { departmentId, actorId: actor.id, now: now.toISOString() });
    if (!claimed) return fail("not-found:unclaimed-task");

    // The case row is locked by the pick above, so the trail stays a single chain. The last hash is read by a
    // statement of its own, not returned by the claiming one: that statement's snapshot may predate a colleague's
    // claim on the same case that committed just before our lock was granted, and its event would be missed (a
    // forked chain; the 2,000-task test caught it when tried).
    await appendCaseEvent(tx, { caseId: claimed.caseId, taskId: claimed.id, actorId: actor.id, kind: "task-claimed", public: false });
    return { ok: true as const, taskId: claimed.id, version: claimed.version };
  });
}
