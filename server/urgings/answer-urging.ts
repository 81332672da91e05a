/**
 * A clerk of the urged department answers an urging notice (督办), once; the supervisor who sent it is told. Any clerk
 * of the department may answer, not only the task's holder: the notice is addressed to the department. Another
 * department's urging is simply not found.
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { urgings } from "@/db/schema";
import { URGING_ANSWER_MAX } from "@/lib/supervision/urging-rules";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification } from "@/server/notifications/enqueue-notification";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";
import { selectUrgings } from "./urging-columns";

const answerText = { multiline: true, max: URGING_ANSWER_MAX, required: "invalid:urging-answer-required", tooLong: "invalid:urging-answer-too-long" } as const;

export async function answerUrging(options: { db: TDatabase; actor: TActor; urgingId: string; answer: string; now?: Date }): Promise<TResult<{ urgingId: string }>> {
  const { db, actor, urgingId, now = new Date() } = options;
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  if (!z.uuid().safeParse(urgingId).success) return fail("not-found:urging");
  const [visible] = await db
    .select({ id: urgings.id })
    .from(urgings)
    .where(and(eq(urgings.id, urgingId), eq(urgings.departmentId, clerk.departmentId)))
    .limit(1);
  if (!visible) return fail("not-found:urging");
  const read = readPlainText(options.answer, answerText);
  if (!read.ok) return fail(read.code);

  return db.transaction(async (tx) => {
    // Two clerks answering at once: the second finds it answered, and its answer changes nothing.
    const [answered] = await tx
      .update(urgings)
      .set({ answer: read.text, answeredById: actor.id, answeredAt: now })
      .where(and(eq(urgings.id, urgingId), isNull(urgings.answeredAt)))
      .returning({ id: urgings.id, sentById: urgings.sentById, caseId: urgings.caseId });
    if (!answered) return fail("conflict:urging-answered");
    const [about] = await selectUrgings(tx).where(eq(urgings.id, answered.id));
    await enqueueNotification(tx, {
      recipientIds: [answered.sentById],
      topic: "urging-answered",
      params: { caseNumber: about.caseNumber, service: about.subjectName },
      caseId: answered.caseId,
      link: `/supervise/urgings#urging-${answered.id}`,
    });
    // The id as the database spells it: the page has one address whatever the case of the posted id.
    return { ok: true as const, urgingId: answered.id };
  });
}
