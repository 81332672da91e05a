/**
 * What a supervisor may urge (督办): a task whose clock runs (in its department's hands: waiting, accepted, supplement
 * received — as on the deadline watch), or a bad rating's follow-up still open, within the supervisor's scope (a
 * supervisor of one department, that department's; one of none, every department's). Found with what the send form
 * shows, and whether an urging about it is open already.
 */
import { and, eq, inArray, isNull, type AnyColumn } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, departments, ratingFollowUps, services, tasks, urgings } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { caseSubjectName } from "@/server/ratings/case-subject-name";

export const urgingSubjectKinds = ["task", "follow-up"] as const;
export type TUrgingSubjectKind = (typeof urgingSubjectKinds)[number];
export type TUrgingSubjectRef = { kind: TUrgingSubjectKind; id: string };

export type TUrgingSubject = {
  kind: TUrgingSubjectKind;
  id: string;
  caseId: string;
  caseNumber: string;
  departmentId: string;
  departmentName: TLocalizedText;
  /** The task's service, or what the rated case applied for. */
  subjectName: TLocalizedText;
  /** The task's due date, or the date the follow-up's reply was due. */
  dueDate: string;
  /** The urging about it still waiting for an answer, if any. */
  openUrgingId: string | null;
};

/** Only a supervisor sends urgings: the role, checked before anything is read. */
export function checkUrgingSender(actor: TActor): TResult<{ departmentId: string | null }> {
  if (actor.role !== "supervisor") return fail("forbidden:role");
  return { ok: true, departmentId: actor.departmentId };
}

/**
 * The subject as the actor may urge it, or not-found:urging-subject: another department's task (for a supervisor of
 * one department), a concluded or pending task, an answered follow-up and a missing one all look the same.
 */
export async function findUrgingSubject(db: TDatabase, { actor, subject }: { actor: TActor; subject: TUrgingSubjectRef }): Promise<TResult<{ subject: TUrgingSubject }>> {
  const sender = checkUrgingSender(actor);
  if (!sender.ok) return sender;
  if (!z.uuid().safeParse(subject.id).success) return fail("not-found:urging-subject");
  const scope = (column: AnyColumn) => (sender.departmentId ? eq(column, sender.departmentId) : undefined);
  if (subject.kind === "task") {
    const [row] = await db
      .select({
        id: tasks.id,
        caseId: tasks.caseId,
        caseNumber: cases.number,
        departmentId: tasks.departmentId,
        departmentName: departments.name,
        subjectName: services.name,
        dueDate: tasks.dueDate,
        openUrgingId: urgings.id,
      })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(services, eq(services.id, tasks.serviceId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .leftJoin(urgings, and(eq(urgings.taskId, tasks.id), isNull(urgings.answeredAt)))
      .where(and(eq(tasks.id, subject.id), inArray(tasks.status, clockRunningStatuses), scope(tasks.departmentId)))
      .limit(1);
    return row ? { ok: true, subject: { kind: "task", ...row } } : fail("not-found:urging-subject");
  }
  const [row] = await db
    .select({
      id: ratingFollowUps.id,
      caseId: ratingFollowUps.caseId,
      caseNumber: cases.number,
      departmentId: ratingFollowUps.departmentId,
      departmentName: departments.name,
      subjectName: caseSubjectName(),
      dueDate: ratingFollowUps.dueOn,
      openUrgingId: urgings.id,
    })
    .from(ratingFollowUps)
    .innerJoin(cases, eq(cases.id, ratingFollowUps.caseId))
    .innerJoin(departments, eq(departments.id, ratingFollowUps.departmentId))
    .leftJoin(urgings, and(eq(urgings.followUpId, ratingFollowUps.id), isNull(urgings.answeredAt)))
    .where(and(eq(ratingFollowUps.id, subject.id), eq(ratingFollowUps.status, "open"), scope(ratingFollowUps.departmentId)))
    .limit(1);
  return row ? { ok: true, subject: { kind: "follow-up", ...row } } : fail("not-found:urging-subject");
}
