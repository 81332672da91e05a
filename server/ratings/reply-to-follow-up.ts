/**
 * A clerk of the department answers a bad rating's follow-up, once: the reply goes on the applicant's tracker and
 * the applicant (and the applying company's staff) are told. Reply, trail event and messages are one transaction.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, departments, ratingFollowUps } from "@/db/schema";
import { FOLLOW_UP_REPLY_MAX } from "@/lib/ratings/levels";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification, listCaseRecipients } from "@/server/notifications/enqueue-notification";
import { caseSubjectName } from "./case-subject-name";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";

const replyText = { multiline: true, max: FOLLOW_UP_REPLY_MAX, required: "invalid:follow-up-reply-required", tooLong: "invalid:follow-up-reply-too-long" } as const;

export async function replyToFollowUp(options: { db: TDatabase; actor: TActor; followUpId: string; reply: string; now?: Date }): Promise<TResult<{ followUpId: string }>> {
  const { db, actor, followUpId, now = new Date() } = options;
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;
  if (!z.uuid().safeParse(followUpId).success) return fail("not-found:follow-up");
  const read = readPlainText(options.reply, replyText);
  if (!read.ok) return fail(read.code);
  const reply = read.text;

  // Another department's follow-up is simply not found.
  const [visible] = await db
    .select({ caseId: ratingFollowUps.caseId })
    .from(ratingFollowUps)
    .where(and(eq(ratingFollowUps.id, followUpId), eq(ratingFollowUps.departmentId, departmentId)))
    .limit(1);
  if (!visible) return fail("not-found:follow-up");

  return db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, visible.caseId);
    // Two clerks answering at once: the second finds it answered, and its reply changes nothing.
    const [answered] = await tx
      .update(ratingFollowUps)
      .set({ status: "answered", reply, repliedById: actor.id, repliedAt: now })
      .where(and(eq(ratingFollowUps.id, followUpId), eq(ratingFollowUps.status, "open")))
      .returning({ id: ratingFollowUps.id });
    if (!answered) return fail("conflict:follow-up-answered");
    const [department] = await tx.select({ code: departments.code, name: departments.name }).from(departments).where(eq(departments.id, departmentId));
    const [{ service }] = await tx.select({ service: caseSubjectName() }).from(cases).where(eq(cases.id, caseRow.id));
    await appendCaseEvent(tx, { caseId: caseRow.id, actorId: actor.id, kind: "follow-up-answered", data: { followUpId, department: department.code }, public: true });
    await enqueueNotification(tx, {
      ...(await listCaseRecipients(tx, caseRow.id)),
      topic: "follow-up-answered",
      params: { caseNumber: caseRow.number, service, department: department.name },
      caseId: caseRow.id,
      link: `/me/cases/${caseRow.number}#rating`,
    });
    return { ok: true as const, followUpId };
  });
}
