/**
 * The applicant withdraws an application before it is decided: every task still open is withdrawn (its department
 * is told), tasks already decided keep their outcome, and open supplement requests are closed — one transaction.
 * Only the applicant or their company's staff may; a case with nothing left open is refused.
 */
import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, supplementRequests } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readPlainText } from "@/lib/text/plain-text";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import { isWithdrawable } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { casesVisibleToApplicant } from "@/server/cases/case-access";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { loadTransitionContext, runTaskTransition } from "./run-task-transition";

export const WITHDRAW_REASON_MAX = 500;

export async function withdrawCase(options: { db: TDatabase; actor: TActor; caseNumber: string; reason?: string; now?: Date }): Promise<TResult<{ withdrawn: number }>> {
  const { db, actor, caseNumber, now = new Date() } = options;
  if (!caseNumberPattern.test(caseNumber)) return fail("not-found:case");
  const read = readPlainText(options.reason, { multiline: true, max: WITHDRAW_REASON_MAX, tooLong: "invalid:reason-too-long" });
  if (!read.ok) return fail(read.code, read.code === "invalid:reason-too-long" ? { max: WITHDRAW_REASON_MAX } : undefined);
  const reason = read.text;
  const [visible] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.number, caseNumber), casesVisibleToApplicant(actor))).limit(1);
  if (!visible) return fail("not-found:case");
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, visible.id);
    const context = await loadTransitionContext(tx, caseRow, { calendar, today: toIsoDate(now), now });
    // Tasks waiting on others first, so withdrawing a prerequisite does not cancel them instead.
    // An inspection after an approval on commitment is not the applicant's to stop (isWithdrawable).
    const open = context.tasks.filter(isWithdrawable).sort((a, b) => Number(b.status === "pending") - Number(a.status === "pending"));
    if (open.length === 0) return fail("conflict:case-decided");
    let withdrawn = 0;
    for (const task of open) {
      const result = await runTaskTransition(context, { taskId: task.id, action: "withdraw", by: "applicant", actorId: actor.id, reason: reason || undefined });
      if (result.ok) withdrawn += 1;
    }
    await tx.update(supplementRequests).set({ status: "closed" }).where(and(eq(supplementRequests.caseId, caseRow.id), eq(supplementRequests.status, "open")));
    return { ok: true as const, withdrawn };
  });
}
