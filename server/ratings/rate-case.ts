/**
 * 好差评: the applicant (or a staff member of the applying company) rates a concluded case, once. A bad rating
 * (1–2) opens a follow-up for every department that handled the case, due RATING_FOLLOW_UP_DAYS working days later,
 * and tells each department's staff. The rating, its trail event, the follow-ups and the messages are one
 * transaction.
 *
 * Only a concluded case may be rated: its outcome is what is rated. A withdrawn case is not — the applicant stopped
 * it before any department decided, so there is no outcome to rate and a follow-up would ask departments to answer
 * for work they were told to stop. (A case withdrawn after some departments decided is concluded, and may be rated.)
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, ratingFollowUps, ratings, tasks } from "@/db/schema";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { isBadRating } from "@/lib/ratings/levels";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { casesVisibleToApplicant } from "@/server/cases/case-access";
import { lockCase } from "@/server/cases/lock-case";
import { getEnv } from "@/server/env";
import { fail, type TAppError } from "@/server/errors";
import { enqueueNotification, listDepartmentStaffIds } from "@/server/notifications/enqueue-notification";
import { cachedReference } from "@/server/reference-cache";
import { caseSubjectName } from "./case-subject-name";
import { readRatingInput, type TRatingInput, type TRatingRefusal } from "./rating-input";

export type TRateCaseResult = { ok: true; ratingId: string; followUpIds: string[] } | TRatingRefusal | TAppError;

export async function rateCase(
  options: { db: TDatabase; actor: TActor; caseNumber: string; now?: Date; followUpDays?: number } & TRatingInput,
): Promise<TRateCaseResult> {
  const { db, actor, caseNumber, now = new Date(), followUpDays = getEnv().RATING_FOLLOW_UP_DAYS, ...input } = options;
  if (actor.role !== "citizen" && actor.role !== "enterprise") return fail("forbidden:role");
  const checked = readRatingInput(input);
  if (!checked.ok) return checked;
  if (!caseNumberPattern.test(caseNumber)) return fail("not-found:case");
  const rating = checked.rating;
  // The access rule is part of the query: someone else's case is simply not found.
  const [visible] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.number, caseNumber), casesVisibleToApplicant(actor))).limit(1);
  if (!visible) return fail("not-found:case");
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));

  return db.transaction(async (tx): Promise<TRateCaseResult> => {
    // The case lock keeps the trail linear and makes a second submit (a double click, a colleague at the same
    // moment) wait for the first, then find its rating.
    const caseRow = await lockCase(tx, visible.id);
    if (caseRow.status === "withdrawn") return fail("conflict:case-withdrawn");
    if (caseRow.status !== "concluded") return fail("conflict:case-not-concluded");
    const [inserted] = await tx
      .insert(ratings)
      .values({ caseId: caseRow.id, ratedById: actor.id, ...rating, createdAt: now })
      .onConflictDoNothing({ target: ratings.caseId })
      .returning({ id: ratings.id });
    if (!inserted) return fail("conflict:already-rated");
    await appendCaseEvent(tx, { caseId: caseRow.id, actorId: actor.id, kind: "case-rated", data: { overall: rating.overall }, public: true });
    if (!isBadRating(rating.overall)) return { ok: true, ratingId: inserted.id, followUpIds: [] };

    // Every department that had the case in its queue; one whose task was cancelled or withdrawn while it still
    // waited on another department never acted on it.
    const handled = await tx
      .selectDistinct({ departmentId: tasks.departmentId })
      .from(tasks)
      .where(and(eq(tasks.caseId, caseRow.id), isNotNull(tasks.readyOn)));
    if (handled.length === 0) return { ok: true, ratingId: inserted.id, followUpIds: [] };
    const dueOn = addWorkingDays(toIsoDate(now), followUpDays, calendar);
    const [{ service }] = await tx.select({ service: caseSubjectName() }).from(cases).where(eq(cases.id, caseRow.id));
    const followUps = await tx
      .insert(ratingFollowUps)
      .values(handled.map(({ departmentId }) => ({ ratingId: inserted.id, caseId: caseRow.id, departmentId, dueOn, createdAt: now })))
      .returning({ id: ratingFollowUps.id, departmentId: ratingFollowUps.departmentId });
    for (const followUp of followUps) {
      await enqueueNotification(tx, {
        recipientIds: await listDepartmentStaffIds(tx, followUp.departmentId),
        topic: "rating-follow-up",
        params: { caseNumber: caseRow.number, service, dueDate: dueOn },
        caseId: caseRow.id,
        link: `/desk/follow-ups/${followUp.id}`,
      });
    }
    return { ok: true, ratingId: inserted.id, followUpIds: followUps.map((followUp) => followUp.id) };
  });
}
