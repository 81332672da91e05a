/**
 * A clerk decides on a task they have claimed: accept or refuse (不予受理), then approve or reject, each with the
 * version they saw. Who may act is checked here (a clerk of the task's department holding the task); what may happen
 * is the transition table's, applied with all its consequences by runTaskTransition in one transaction. A stale
 * version, a transition the table does not allow, or a task of another department changes nothing and says why.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { tasks } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readPlainText } from "@/lib/text/plain-text";
import { actionNeedsReason, type TTaskAction } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { loadTransitionContext, runTaskTransition } from "./run-task-transition";

/** The decisions this use case takes; asking for a supplement lists items and has its own use case. */
export const clerkDecisions = ["accept", "refuse", "approve", "reject"] as const satisfies readonly TTaskAction[];
export type TClerkDecision = (typeof clerkDecisions)[number];

export type TTransitionTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  action: TClerkDecision;
  /** Required to refuse or reject; shown to the applicant. */
  reason?: string;
  /** The version the clerk saw; when given, any change since then refuses the action. */
  expectedVersion?: number;
  now?: Date;
};

export const REASON_MAX_LENGTH = 1000;

export async function transitionTask(options: TTransitionTaskOptions): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, action, expectedVersion, now = new Date() } = options;
  if (actor.role !== "clerk" || !actor.departmentId) return fail("forbidden:role");
  if (!(clerkDecisions as readonly string[]).includes(action)) return fail("conflict:transition-not-allowed", { action });
  // A malformed id would be a database error: it is refused like another department's task.
  if (!z.uuid().safeParse(taskId).success) return fail("forbidden:task");
  const departmentId = actor.departmentId;
  const read = readPlainText(options.reason, {
    multiline: true,
    max: REASON_MAX_LENGTH,
    tooLong: "invalid:reason-too-long",
    required: actionNeedsReason(action) ? "invalid:reason-required" : undefined,
  });
  if (!read.ok) return fail(read.code, read.code === "invalid:reason-too-long" ? { max: REASON_MAX_LENGTH } : undefined);
  const reason = read.text;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return db.transaction(async (tx) => {
    // Lock the case first (the same order every writer uses), then read the task as it is now.
    const [owner] = await tx
      .select({ id: tasks.id, caseId: tasks.caseId })
      .from(tasks)
      .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, departmentId)))
      .limit(1);
    if (!owner) return fail("forbidden:task");
    const caseRow = await lockCase(tx, owner.caseId);
    const context = await loadTransitionContext(tx, caseRow, { calendar, today: toIsoDate(now), now });
    // The id as the database spells it: a posted one may be in capitals, and the tasks are compared in JavaScript.
    const task = context.tasks.find((candidate) => candidate.id === owner.id)!;

    if (expectedVersion !== undefined && task.version !== expectedVersion) return fail("conflict:task-changed");
    if (task.assigneeId !== actor.id) return fail("conflict:task-not-claimed-by-you");
    const result = await runTaskTransition(context, { taskId: owner.id, action, by: "clerk", actorId: actor.id, reason: actionNeedsReason(action) ? reason : undefined });
    if (!result.ok) return result;
    return { ok: true as const, version: result.version };
  });
}
