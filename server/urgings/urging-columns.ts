/**
 * The columns every list of urgings shows, and the joins they need: the case's number, what the urging is about
 * (the task's service, or what the rated case applied for), the department and who sent and answered it.
 */
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { cases, departments, services, tasks, urgings, users } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { dayOf } from "@/server/supervision/supervision-sql";
import { caseSubjectName } from "@/server/ratings/case-subject-name";

const sender = alias(users, "urging_sender");
const answerer = alias(users, "urging_answerer");

export function selectUrgings(db: TDatabase) {
  return db
    .select({
      id: urgings.id,
      taskId: urgings.taskId,
      followUpId: urgings.followUpId,
      caseNumber: cases.number,
      subjectName: sql<TLocalizedText>`coalesce(${services.name}, ${caseSubjectName()})`,
      departmentId: urgings.departmentId,
      departmentName: departments.name,
      message: urgings.message,
      deadline: urgings.deadline,
      sentAt: urgings.sentAt,
      sentByName: sender.displayName,
      answer: urgings.answer,
      answeredAt: urgings.answeredAt,
      answeredByName: answerer.displayName,
      /** Answered after the deadline day (Beijing), as the dashboard counts it. */
      answeredLate: sql<boolean>`coalesce(${dayOf(sql`${urgings.answeredAt}`)} > ${urgings.deadline}, false)`,
    })
    .from(urgings)
    .innerJoin(cases, eq(cases.id, urgings.caseId))
    .innerJoin(departments, eq(departments.id, urgings.departmentId))
    .innerJoin(sender, eq(sender.id, urgings.sentById))
    .leftJoin(answerer, eq(answerer.id, urgings.answeredById))
    .leftJoin(tasks, eq(tasks.id, urgings.taskId))
    .leftJoin(services, eq(services.id, tasks.serviceId));
}
export type TUrgingRow = Awaited<ReturnType<ReturnType<typeof selectUrgings>["execute"]>>[number];
