/**
 * A clerk decides on a task they have claimed: accept or refuse (不予受理), then approve or reject, each with the
 * version they saw. Who may act is checked here (a clerk of the task's department holding the task); what may happen
 * is the transition table's, applied with all its consequences by runTaskTransition in one transaction. A stale
 * version, a transition the table does not allow, or a task of another department changes nothing and says why.
 */
import type { TDatabase } from "@/db/client";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readPlainText } from "@/lib/text/plain-text";
import { actionNeedsReason, type TTaskAction } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { fail, type TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { checkCommitment } from "./follow-up-commitment";
import { checkTaskRequest, clerkDepartmentOf, lockDepartmentTask } from "./lock-department-task";
import { loadTransitionContext, runTaskTransition } from "./run-task-transition";

/**
 * The decisions this use case takes; asking for a supplement lists items and has its own use case. Approving on
 * commitment (告知承诺制) is open only when the service offers it and the applicant signed; pass and fail record an
 * inspection's outcome (the transition table keeps each to its kind of task).
 */
export const clerkDecisions = ["accept", "refuse", "approve", "reject", "approve-on-commitment", "pass", "fail"] as const satisfies readonly TTaskAction[];
export type TClerkDecision = (typeof clerkDecisions)[number];

export type TDecideTaskOptions = {
  db: TDatabase;
  actor: TActor;
  taskId: string;
  action: TClerkDecision;
  /** Required to refuse, reject or fail an inspection (its findings); shown to the applicant. */
  reason?: string;
  /** The version the clerk saw: any change since then refuses the decision. */
  expectedVersion: number;
  now?: Date;
};

export const REASON_MAX_LENGTH = 1000;

export async function decideTask(options: TDecideTaskOptions): Promise<TResult<{ version: number }>> {
  const { db, actor, taskId, action, expectedVersion, now = new Date() } = options;
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  if (!(clerkDecisions as readonly string[]).includes(action)) return fail("conflict:transition-not-allowed", { action });
  const checked = checkTaskRequest(actor, taskId);
  if (!checked.ok) return checked;
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
    const locked = await lockDepartmentTask(tx, { actor, taskId, expect: { version: expectedVersion, holder: "actor" } });
    if (!locked.ok) return locked;
    if (action === "approve-on-commitment") {
      const committed = await checkCommitment(tx, locked);
      if (!committed.ok) return committed;
    }
    const context = await loadTransitionContext(tx, locked.caseRow, { calendar, today: toIsoDate(now), now });
    const result = await runTaskTransition(context, { taskId: locked.task.id, action, by: "clerk", actorId: actor.id, reason: actionNeedsReason(action) ? reason : undefined });
    if (!result.ok) return result;
    return { ok: true as const, version: result.version };
  });
}
