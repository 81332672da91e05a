/**
 * A supervisor sends an urging notice (督办) to a department about one of its running tasks or open bad-rating
 * follow-ups: a message and the working day by which the department must answer. Its clerks are told through the
 * outbox in the same transaction.
 *
 * One open urging per task or follow-up: the department answers one notice about one matter, and an unanswered
 * notice is counted once (open, then late) rather than once per reminder; a supervisor who is not satisfied with the
 * answer sends a new one. Two supervisors sending at once are answered one after the other (the case lock), the
 * second with conflict:urging-open; the partial unique indexes of the table hold it besides.
 */
import type { TDatabase } from "@/db/client";
import { urgings } from "@/db/schema";
import { addWorkingDays, isIsoDate, isWorkingDay, toIsoDate } from "@/lib/calendar/working-days";
import { URGING_DEADLINE_MAX_WORKING_DAYS, URGING_MESSAGE_MAX } from "@/lib/supervision/urging-rules";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification, listDepartmentClerkIds } from "@/server/notifications/enqueue-notification";
import { checkUrgingSender, findUrgingSubject, type TUrgingSubjectRef } from "./urging-subject";

const messageText = { multiline: true, max: URGING_MESSAGE_MAX, required: "invalid:urging-message-required", tooLong: "invalid:urging-message-too-long" } as const;

export type TSendUrgingOptions = { db: TDatabase; actor: TActor; subject: TUrgingSubjectRef; message: string; deadline: string; now?: Date };

export async function sendUrging(options: TSendUrgingOptions): Promise<TResult<{ urgingId: string }>> {
  const { db, actor, subject, now = new Date() } = options;
  const sender = checkUrgingSender(actor);
  if (!sender.ok) return sender;
  const found = await findUrgingSubject(db, { actor, subject });
  if (!found.ok) return found;

  const read = readPlainText(options.message, messageText);
  if (!read.ok) return fail(read.code);
  const deadline = options.deadline.trim();
  if (!isIsoDate(deadline)) return fail("invalid:urging-deadline");
  const today = toIsoDate(now);
  if (deadline < today) return fail("invalid:urging-deadline-past");
  const calendar = await loadCalendar(db);
  // The answer is due on a working day: a department cannot be asked to answer on a Sunday or a public holiday.
  if (!isWorkingDay(deadline, calendar)) return fail("invalid:urging-deadline-not-working-day");
  if (deadline > addWorkingDays(today, URGING_DEADLINE_MAX_WORKING_DAYS, calendar)) return fail("invalid:urging-deadline-too-far");

  return db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, found.subject.caseId);
    // Under the case lock: the task may have concluded, or another urging been sent, since the form was read.
    const locked = await findUrgingSubject(tx, { actor, subject });
    if (!locked.ok) return locked;
    if (locked.subject.openUrgingId) return fail("conflict:urging-open");
    const { departmentId, subjectName } = locked.subject;
    const [urging] = await tx
      .insert(urgings)
      .values({
        taskId: subject.kind === "task" ? locked.subject.id : null,
        followUpId: subject.kind === "follow-up" ? locked.subject.id : null,
        caseId: caseRow.id,
        departmentId,
        sentById: actor.id,
        message: read.text,
        deadline,
        sentAt: now,
      })
      .returning({ id: urgings.id });
    await enqueueNotification(tx, {
      recipientIds: await listDepartmentClerkIds(tx, departmentId),
      topic: "urging-sent",
      params: { caseNumber: caseRow.number, service: subjectName, dueDate: deadline },
      caseId: caseRow.id,
      link: `/desk/urgings/${urging.id}`,
    });
    return { ok: true as const, urgingId: urging.id };
  });
}
