/**
 * The one way a use case takes hold of a department's task before changing it (claim, release, assign, decide, ask
 * for a supplement or an extension, decide an extension).
 *
 * Who: a clerk of the task's department — or, deciding an extension, a supervisor of that department or one who
 * watches every department (电子监察). Another department's task and a missing one look the same, so nothing is
 * revealed about other departments.
 *
 * Lock order: the task is first found without a lock (only to learn its case), then its case row is locked, then the
 * task row. Every writer locks a case before its tasks, so writers never wait on each other in a circle.
 *
 * Then what the caller expects of the task, checked on the locked row: the version the person saw (any change since
 * refuses) and who must hold it.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { services, tasks, type TCase, type TTask } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";

/** Who takes hold of the task: the clerk working it, or a supervisor deciding over it. */
export type TTaskWorker = "clerk" | "supervisor";

/** The department whose tasks a clerk works; anyone else is refused with forbidden:role. */
export function clerkDepartmentOf(actor: TActor): TResult<{ departmentId: string }> {
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  return { ok: true, departmentId: actor.departmentId };
}

/**
 * The checks that need no database: the role, then the form of the task id (a malformed id would be a database
 * error: it is refused like another department's task). A use case runs these before it reads the rest of its input,
 * so a stranger learns nothing about what input would be accepted; lockDepartmentTask runs them again itself.
 * `departmentId` is null for a supervisor who watches every department.
 */
export function checkTaskRequest(actor: TActor, taskId: string, by: TTaskWorker = "clerk"): TResult<{ departmentId: string | null }> {
  if (by === "clerk") {
    const clerk = clerkDepartmentOf(actor);
    if (!clerk.ok) return clerk;
  } else if (actor.role !== "supervisor") {
    return fail("forbidden:role");
  }
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  return { ok: true, departmentId: actor.departmentId };
}

/**
 * What the caller expects of the task. `holder`: "actor" — the actor must hold it (deciding, releasing, asking);
 * "actor-or-nobody" — nobody else may hold it (handing it to a colleague); "anyone" — a supervisor deciding over it.
 * Claiming expects nobody to hold it and takes no version: of two clerks claiming at once the first wins, whatever
 * each saw; a bulk claim does give the versions the clerk saw: a batch is confirmed as it was shown, or not at all.
 * "reader" — any clerk of the department, in any state, at any version: recording in the trail that they read
 * something (a personal number revealed), which changes nothing of the task.
 */
export type TTaskExpectation =
  | { version: number; holder: "actor" | "actor-or-nobody" | "anyone" }
  | { holder: "nobody"; version?: number }
  | { holder: "reader" };

export type TLockDepartmentTaskOptions = {
  actor: TActor;
  taskId: string;
  expect: TTaskExpectation;
  /** Default: a clerk. */
  by?: TTaskWorker;
};

export type TLockedTask = { caseRow: TCase; task: TTask; serviceName: TLocalizedText };

/** Inside the caller's transaction: the locked case and task (the id as the database spells it), or why not. */
export async function lockDepartmentTask(tx: TDatabase, options: TLockDepartmentTaskOptions): Promise<TResult<TLockedTask>> {
  const { actor, taskId, expect } = options;
  const request = checkTaskRequest(actor, taskId, options.by);
  if (!request.ok) return request;
  const { departmentId } = request;

  const [owner] = await tx
    .select({ caseId: tasks.caseId })
    .from(tasks)
    .where(departmentId ? and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)) : eq(tasks.id, taskId))
    .limit(1);
  if (!owner) return fail("forbidden:task");
  const caseRow = await lockCase(tx, owner.caseId);
  const [row] = await tx
    .select({ task: tasks, serviceName: services.name })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(eq(tasks.id, taskId))
    .for("update", { of: tasks });
  const { task } = row;

  if ("version" in expect && expect.version !== undefined && task.version !== expect.version) return fail("conflict:task-changed");
  const heldByOther = task.assigneeId !== null && task.assigneeId !== actor.id;
  if (expect.holder === "actor" && task.assigneeId !== actor.id) return fail("conflict:task-not-claimed-by-you");
  if (expect.holder === "actor-or-nobody" && heldByOther) return fail("conflict:task-already-claimed");
  if (expect.holder === "nobody" && task.assigneeId !== null) return fail("conflict:task-already-claimed");
  return { ok: true, caseRow, task, serviceName: row.serviceName };
}
