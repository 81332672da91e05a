/**
 * One follow-up as a clerk of its department sees it: the rating and comment, the case, the department's own tasks
 * on it (to look back at what was done), and the reply once given.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, ratingFollowUps, ratings, services, tasks, users } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { deadlineState } from "@/lib/workflow/deadline-state";
import type { TActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { fail } from "@/server/errors";
import { cachedReference } from "@/server/reference-cache";
import { caseSubjectName } from "./case-subject-name";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";

export async function getFollowUpForClerk({ db, actor, followUpId, now = new Date() }: { db: TDatabase; actor: TActor; followUpId: string; now?: Date }) {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return clerk;
  const { departmentId } = clerk;
  if (!z.uuid().safeParse(followUpId).success) return fail("not-found:follow-up");
  // Another department's follow-up is simply not found.
  const [found] = await db
    .select({
      followUp: ratingFollowUps,
      rating: ratings,
      caseNumber: cases.number,
      applicantType: cases.applicantType,
      concludedAt: cases.concludedAt,
      subjectName: caseSubjectName(),
      repliedByName: users.displayName,
    })
    .from(ratingFollowUps)
    .innerJoin(ratings, eq(ratings.id, ratingFollowUps.ratingId))
    .innerJoin(cases, eq(cases.id, ratingFollowUps.caseId))
    .leftJoin(users, eq(users.id, ratingFollowUps.repliedById))
    .where(and(eq(ratingFollowUps.id, followUpId), eq(ratingFollowUps.departmentId, departmentId)))
    .limit(1);
  if (!found) return fail("not-found:follow-up");
  const departmentTasks = await db
    .select({ id: tasks.id, kind: tasks.kind, status: tasks.status, serviceName: services.name, decidedAt: tasks.decidedAt })
    .from(tasks)
    .innerJoin(services, eq(services.id, tasks.serviceId))
    .where(and(eq(tasks.caseId, found.followUp.caseId), eq(tasks.departmentId, departmentId)))
    .orderBy(asc(tasks.createdAt));
  const calendar = await cachedReference(db, "calendar", () => loadCalendar(db));
  const deadline = found.followUp.status === "open" ? deadlineState(found.followUp.dueOn, toIsoDate(now), calendar) : null;
  return { ok: true as const, ...found, deadline, tasks: departmentTasks };
}
