/**
 * The follow-ups of a clerk's department: open ones first, the soonest due first (with their deadline state by the
 * working-day calendar), then the most recently answered.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, ratingFollowUps, ratings, type TFollowUpStatus } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { deadlineState, type TDeadlineState } from "@/lib/workflow/deadline-state";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import type { TResult } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { caseSubjectName } from "./case-subject-name";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";

/** Open follow-ups are few (bad ratings are) and all shown; answered ones are history, so only the latest. */
export const OPEN_FOLLOW_UPS_LIMIT = 200;
export const ANSWERED_FOLLOW_UPS_LIMIT = 20;

export type TFollowUpRow = {
  id: string;
  caseNumber: string;
  subjectName: TLocalizedText;
  overall: number;
  comment: string;
  ratedAt: Date;
  dueOn: string;
  status: TFollowUpStatus;
  /** Only while open. */
  deadline: TDeadlineState | null;
  repliedAt: Date | null;
};

export async function listFollowUps({ db, actor, now = new Date() }: { db: TDatabase; actor: TActor; now?: Date }): Promise<TResult<{ open: TFollowUpRow[]; answered: TFollowUpRow[] }>> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const today = toIsoDate(now);
  const select = () =>
    db
      .select({
        id: ratingFollowUps.id,
        caseNumber: cases.number,
        subjectName: caseSubjectName(),
        overall: ratings.overall,
        comment: ratings.comment,
        ratedAt: ratings.createdAt,
        dueOn: ratingFollowUps.dueOn,
        status: ratingFollowUps.status,
        repliedAt: ratingFollowUps.repliedAt,
      })
      .from(ratingFollowUps)
      .innerJoin(ratings, eq(ratings.id, ratingFollowUps.ratingId))
      .innerJoin(cases, eq(cases.id, ratingFollowUps.caseId));
  const open = await select()
    .where(and(eq(ratingFollowUps.departmentId, departmentId), eq(ratingFollowUps.status, "open")))
    .orderBy(asc(ratingFollowUps.dueOn), asc(ratingFollowUps.id))
    .limit(OPEN_FOLLOW_UPS_LIMIT);
  const answered = await select()
    .where(and(eq(ratingFollowUps.departmentId, departmentId), eq(ratingFollowUps.status, "answered")))
    .orderBy(desc(ratingFollowUps.repliedAt), desc(ratingFollowUps.id))
    .limit(ANSWERED_FOLLOW_UPS_LIMIT);
  return {
    ok: true,
    open: open.map((row) => ({ ...row, deadline: deadlineState(row.dueOn, today, calendar) })),
    answered: answered.map((row) => ({ ...row, deadline: null })),
  };
}
