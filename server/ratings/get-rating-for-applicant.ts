/**
 * A case's rating as its applicant's side sees it on the tracker: the rating (or none yet) and, for a bad one, each
 * department's reply or the date it is due by.
 */
import { and, asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, departments, ratingFollowUps, ratings } from "@/db/schema";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleToApplicant } from "@/server/cases/case-access";
import { fail } from "@/server/errors";

export async function getRatingForApplicant({ db, actor, caseNumber }: { db: TDatabase; actor: TActor; caseNumber: string }) {
  if (!caseNumberPattern.test(caseNumber)) return fail("not-found:case");
  // Someone else's case is simply not found.
  const [found] = await db
    .select({ caseId: cases.id, rating: ratings })
    .from(cases)
    .leftJoin(ratings, eq(ratings.caseId, cases.id))
    .where(and(eq(cases.number, caseNumber), casesVisibleToApplicant(actor)))
    .limit(1);
  if (!found) return fail("not-found:case");
  const followUps = found.rating
    ? await db
        .select({
          id: ratingFollowUps.id,
          departmentName: departments.name,
          dueOn: ratingFollowUps.dueOn,
          status: ratingFollowUps.status,
          reply: ratingFollowUps.reply,
          repliedAt: ratingFollowUps.repliedAt,
        })
        .from(ratingFollowUps)
        .innerJoin(departments, eq(departments.id, ratingFollowUps.departmentId))
        .where(eq(ratingFollowUps.ratingId, found.rating.id))
        .orderBy(asc(departments.code))
    : [];
  return { ok: true as const, rating: found.rating, followUps };
}
