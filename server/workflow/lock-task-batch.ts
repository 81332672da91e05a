/**
 * Takes hold of several tasks of the clerk's department at once, for a bulk claim or assignment: all of them, each
 * at the version the clerk was shown, or none. Locks are taken in one order — by case, then task — with the one lock
 * (lock-department-task.ts: case before task), so two batches, or a batch and a single writer, never wait on each
 * other in a circle. Nothing is written here: a refusal leaves the transaction with no change, whatever was locked.
 */
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { clerkDepartmentOf, lockDepartmentTask, type TLockedTask, type TTaskExpectation } from "./lock-department-task";

/** More than a page of the queue (20) would be chosen on no page. */
export const MAX_BATCH_SIZE = 50;

/** A task as the clerk saw it on the queue: its id and version, written "id.version" in a form. */
export type TTaskSelection = { taskId: string; version: number };

const ZSelectionItem = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[1-9]\d{0,8}$/i)
  .transform((value) => {
    const [taskId, version] = value.split(".");
    return { taskId: taskId.toLowerCase(), version: Number(version) };
  });

/** One or more "id.version" values (a form's checkboxes), none twice, at most MAX_BATCH_SIZE. */
export const ZTaskSelection = z
  .preprocess((value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]), z.array(ZSelectionItem).min(1).max(MAX_BATCH_SIZE))
  .refine((items) => new Set(items.map((item) => item.taskId)).size === items.length);

export const formatTaskSelection = ({ taskId, version }: TTaskSelection) => `${taskId}.${version}`;

export type TBatchHolder = "nobody" | "actor-or-nobody";

/** The locked tasks in lock order, or the first refusal with the task it concerns (`details.taskId`). */
export async function lockTaskBatch(
  tx: TDatabase,
  { actor, selection, holder }: { actor: TActor; selection: TTaskSelection[]; holder: TBatchHolder },
): Promise<TResult<{ locked: TLockedTask[] }>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const versions = new Map(selection.map((item) => [item.taskId, item.version]));
  const owners = await tx
    .select({ id: tasks.id, caseId: tasks.caseId })
    .from(tasks)
    .where(and(inArray(tasks.id, [...versions.keys()]), eq(tasks.departmentId, clerk.departmentId)));
  // One task of another department (or none at all) refuses the whole batch, and says no more than that.
  if (owners.length !== versions.size) return fail("forbidden:task");
  owners.sort((a, b) => (a.caseId === b.caseId ? compare(a.id, b.id) : compare(a.caseId, b.caseId)));

  const locked: TLockedTask[] = [];
  for (const owner of owners) {
    const version = versions.get(owner.id)!;
    const expect: TTaskExpectation = holder === "nobody" ? { holder: "nobody", version } : { holder: "actor-or-nobody", version };
    const result = await lockDepartmentTask(tx, { actor, taskId: owner.id, expect });
    if (!result.ok) return { ...result, details: { taskId: owner.id } };
    locked.push(result);
  }
  return { ok: true, locked };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
