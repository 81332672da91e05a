/**
 * For supervision: follow-ups of bad ratings still unanswered after their due date, the longest overdue first. A
 * supervisor of one department sees that department's; one who watches every department (电子监察) and admins see all.
 */
import { and, asc, eq, lt } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, departments, ratingFollowUps, ratings } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { caseSubjectName } from "./case-subject-name";

export const OVERDUE_FOLLOW_UPS_LIMIT = 200;

export async function listOverdueFollowUps({ db, actor, now = new Date() }: { db: TDatabase; actor: TActor; now?: Date }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  const today = toIsoDate(now);
  const overdue = and(eq(ratingFollowUps.status, "open"), lt(ratingFollowUps.dueOn, today));
  const rows = await db
    .select({
      id: ratingFollowUps.id,
      caseNumber: cases.number,
      subjectName: caseSubjectName(),
      departmentName: departments.name,
      overall: ratings.overall,
      ratedAt: ratings.createdAt,
      dueOn: ratingFollowUps.dueOn,
    })
    .from(ratingFollowUps)
    .innerJoin(ratings, eq(ratings.id, ratingFollowUps.ratingId))
    .innerJoin(cases, eq(cases.id, ratingFollowUps.caseId))
    .innerJoin(departments, eq(departments.id, ratingFollowUps.departmentId))
    .where(actor.role === "supervisor" && actor.departmentId ? and(overdue, eq(ratingFollowUps.departmentId, actor.departmentId)) : overdue)
    .orderBy(asc(ratingFollowUps.dueOn), asc(ratingFollowUps.id))
    .limit(OVERDUE_FOLLOW_UPS_LIMIT);
  return { ok: true as const, rows };
}
