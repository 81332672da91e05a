/**
 * Urging notices (督办): a supervisor's formal notice to a department about one of its tasks or one of its bad-rating
 * follow-ups, with a date by which the department must answer. Open while `answered_at` is null; at most one open
 * notice per task and per follow-up (the partial unique indexes), so a department answers one notice about one matter
 * and lateness is counted once.
 */
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { URGING_ANSWER_MAX, URGING_MESSAGE_MAX } from "@/lib/supervision/urging-rules";
import { cases, tasks } from "./cases";
import { departments } from "./catalog";
import { users } from "./identity";
import { ratingFollowUps } from "./ratings";

export const urgings = pgTable(
  "urgings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What it is about: a task, or a bad rating's follow-up — exactly one. */
    taskId: uuid("task_id").references(() => tasks.id),
    followUpId: uuid("follow_up_id").references(() => ratingFollowUps.id),
    /** The case of either, kept here so lists show its number without a join through both. */
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** The department that must answer: the task's or the follow-up's. */
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    sentById: uuid("sent_by_id")
      .notNull()
      .references(() => users.id),
    message: text("message").notNull(),
    /** The working day (Beijing) by which the answer is due; answered after it, the urging was answered late. */
    deadline: date("deadline", { mode: "string" }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    answer: text("answer"),
    answeredById: uuid("answered_by_id").references(() => users.id),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (table) => [
    check("urgings_one_subject", sql`(${table.taskId} is null) <> (${table.followUpId} is null)`),
    check("urgings_answered", sql`(${table.answeredAt} is null) = (${table.answer} is null) and (${table.answeredAt} is null) = (${table.answeredById} is null)`),
    check("urgings_message_length", sql`char_length(${table.message}) between 1 and ${sql.raw(String(URGING_MESSAGE_MAX))}`),
    check("urgings_answer_length", sql`${table.answer} is null or char_length(${table.answer}) between 1 and ${sql.raw(String(URGING_ANSWER_MAX))}`),
    // One open urging per task and per follow-up: two sending at once, the second is refused by the database.
    uniqueIndex("urgings_open_task_idx").on(table.taskId).where(sql`${table.answeredAt} is null and ${table.taskId} is not null`),
    uniqueIndex("urgings_open_follow_up_idx").on(table.followUpId).where(sql`${table.answeredAt} is null and ${table.followUpId} is not null`),
    // A department's open urgings (the queue's list), soonest deadline first.
    index("urgings_department_open_idx").on(table.departmentId, table.deadline).where(sql`${table.answeredAt} is null`),
    // The dashboard: urgings sent, and answered, within a range.
    index("urgings_sent_at_idx").on(table.sentAt),
    index("urgings_answered_at_idx").on(table.answeredAt),
  ],
);
export type TUrging = typeof urgings.$inferSelect;
