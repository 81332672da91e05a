/**
 * A clerk hands a task of their department — one nobody holds, or their own — to a colleague: another clerk of the
 * same department. The colleague is told through their inbox ("task-assigned"); the trail records who assigned it
 * to whom. A task a colleague holds stays theirs (they may release it or hand it on themselves), and a stale
 * version changes nothing.
 */
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { tasks, users, type TTask } from "@/db/schema";
import { isTaskConcluded } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification } from "@/server/notifications/enqueue-notification";
import { checkTaskRequest, clerkDepartmentOf, lockDepartmentTask, type TLockedTask } from "./lock-department-task";

export type TAssignTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  /** The user who gets the task: a clerk of the actor's department other than the actor. */
  colleagueId: string;
  /** The task version the clerk saw: any change since then refuses the assignment. */
  expectedVersion: number;
  now?: Date;
};

export async function assignTask({ db, actor, taskId, colleagueId, expectedVersion, now = new Date() }: TAssignTaskOptions): Promise<TResult<{ version: number }>> {
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
  // A malformed id would be a database error: it is refused like a stranger.
  if (!z.uuid().safeParse(colleagueId).success) return fail("invalid:colleague");

  return db.transaction(async (tx) => {
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { version: expectedVersion, holder: "actor-or-nobody" } });
    if (!locked.ok) return locked;
    const colleague = await findColleague(tx, { actor, colleagueId, departmentId: locked.task.departmentId });
    if (!colleague.ok) return colleague;
    const assignable = checkAssignable(locked.task);
    if (!assignable.ok) return assignable;
    return writeAssignment(tx, { actor, locked, colleagueId: colleague.id, now });
  });
}

/** A clerk of the department other than the actor, or `invalid:colleague`. */
export async function findColleague(
  tx: TDatabase,
  { actor, colleagueId, departmentId }: { actor: TActor; colleagueId: string; departmentId: string },
): Promise<TResult<{ id: string }>> {
  if (colleagueId === actor.id || !z.uuid().safeParse(colleagueId).success) return fail("invalid:colleague");
  const [colleague] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, colleagueId), eq(users.role, "clerk"), eq(users.departmentId, departmentId)))
    .limit(1);
  return colleague ? { ok: true, id: colleague.id } : fail("invalid:colleague");
}

/** Pending tasks are not in the department's hands yet; concluded ones have nothing left to do. */
export function checkAssignable(task: TTask): TResult<object> {
  return task.status === "pending" || isTaskConcluded(task.status) ? fail("conflict:transition-not-allowed") : { ok: true };
}

/** The assignment itself, on a task locked and checked by the caller (one, or each of a bulk assignment). */
export async function writeAssignment(
  tx: TDatabase,
  { actor, locked, colleagueId, now }: { actor: TActor; locked: TLockedTask; colleagueId: string; now: Date },
): Promise<{ ok: true; version: number }> {
  const { caseRow, task, serviceName } = locked;
  const [assigned] = await tx
    .update(tasks)
    .set({ assigneeId: colleagueId, claimedAt: now, updatedAt: now, version: sql`${tasks.version} + 1` })
    .where(eq(tasks.id, task.id))
    .returning({ version: tasks.version });
  await appendCaseEvent(tx, {
    caseId: caseRow.id,
    taskId: task.id,
    actorId: actor.id,
    kind: "task-assigned",
    data: { assigneeId: colleagueId },
    public: false,
  });
  await enqueueNotification(tx, {
    recipientIds: [colleagueId],
    topic: "task-assigned",
    params: { caseNumber: caseRow.number, service: serviceName },
    caseId: caseRow.id,
    link: `/desk/tasks/${task.id}`,
  });
  return { ok: true as const, version: assigned.version };
}

export type TColleague = { id: string; displayName: string };

/** Whom a clerk may assign to: the other clerks of their department, by name. Empty for anyone but a clerk. */
export async function listColleagues({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TColleague[]> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return [];
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.role, "clerk"), eq(users.departmentId, clerk.departmentId), ne(users.id, actor.id)))
    .orderBy(asc(users.displayName), asc(users.id));
}
