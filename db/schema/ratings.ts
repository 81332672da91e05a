/**
 * Ratings (好差评): the applicant's one rating of a concluded case, on the five official levels (5 非常满意 …
 * 1 非常不满意) with three sub-ratings and an optional comment; and, for a bad rating (1–2), one follow-up per
 * department that handled the case, which that department answers before its due date.
 */
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { departments } from "./catalog";
import { createdAt } from "./columns";
import { users } from "./identity";

import { RATING_COMMENT_MAX } from "@/lib/ratings/levels";

export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Unique: one rating per case, however many people of a company try at once. */
    caseId: uuid("case_id")
      .notNull()
      .unique()
      .references(() => cases.id),
    /** The applicant, or the staff member of the applying company, who rated. */
    ratedById: uuid("rated_by_id")
      .notNull()
      .references(() => users.id),
    /** 5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意 (lib/ratings/levels.ts). */
    overall: integer("overall").notNull(),
    efficiency: integer("efficiency").notNull(),
    guideAccuracy: integer("guide_accuracy").notNull(),
    convenience: integer("convenience").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (table) => [
    // Supervision figures: the ratings given within a date range.
    index("ratings_created_at_idx").on(table.createdAt),
    check("ratings_levels_range", sql`${table.overall} between 1 and 5 and ${table.efficiency} between 1 and 5 and ${table.guideAccuracy} between 1 and 5 and ${table.convenience} between 1 and 5`),
    check("ratings_comment_length", sql`char_length(${table.comment}) <= ${sql.raw(String(RATING_COMMENT_MAX))}`),
  ],
);
export type TRating = typeof ratings.$inferSelect;

export const followUpStatuses = ["open", "answered"] as const;
export type TFollowUpStatus = (typeof followUpStatuses)[number];

export const ratingFollowUps = pgTable(
  "rating_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ratingId: uuid("rating_id")
      .notNull()
      .references(() => ratings.id),
    /** The rating's case, kept here so a department's list needs no join through ratings. */
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    /** Working days after the rating (RATING_FOLLOW_UP_DAYS), counted with the calendar in force that day. */
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status", { enum: followUpStatuses }).notNull().default("open"),
    /** The department's answer to the applicant, shown on the tracker. */
    reply: text("reply"),
    repliedById: uuid("replied_by_id").references(() => users.id),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    unique("rating_follow_ups_rating_department").on(table.ratingId, table.departmentId),
    // A department's list: open first, by due date.
    index("rating_follow_ups_department_idx").on(table.departmentId, table.status, table.dueOn),
    // The supervisor's overdue list: open follow-ups by due date.
    index("rating_follow_ups_open_due_idx").on(table.dueOn).where(sql`${table.status} = 'open'`),
    check("rating_follow_ups_answered", sql`${table.status} = 'open' or (${table.reply} is not null and ${table.repliedById} is not null and ${table.repliedAt} is not null)`),
  ],
);
export type TRatingFollowUp = typeof ratingFollowUps.$inferSelect;
