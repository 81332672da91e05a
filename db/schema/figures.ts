/**
 * The supervision figures of each closed day (a Beijing calendar day before today), per department and per service:
 * what server/supervision/compute-supervision-figures.ts would count for that one day, kept so that a year's figures
 * read 365 days' rows instead of a year's tasks (decision 040). A day is "done" when its row in figure_days_done
 * exists; its figures are then the rows of figure_days with that day (none on a quiet day).
 *
 * A closed day's facts do not change in the normal course: a task is received, decided, extended, rated or urged
 * today. What can still change one — a task's due date moved (its cards), a pending task released (the ratings of its
 * case), a backdated write (seed:load, tests), a calendar edit (working days) — forgets the days it touches through
 * the triggers of migration 0026, which delete their figure_days_done rows; they are counted again when next asked for.
 */
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One day's figures for one department or one service (grouping), with the department its tasks were in. */
export const figureDays = pgTable(
  "figure_days",
  {
    day: date("day", { mode: "string" }).notNull(),
    /** "department" (key = the department) or "service" (key = the service). */
    grouping: text("grouping", { enum: ["department", "service"] }).notNull(),
    key: uuid("key").notNull(),
    /** The tasks' department: a service's rows are split by it, so a department's supervisor reads only theirs. */
    departmentId: uuid("department_id").notNull(),
    received: integer("received").notNull().default(0),
    concluded: integer("concluded").notNull().default(0),
    approved: integer("approved").notNull().default(0),
    refused: integer("refused").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    withdrawn: integer("withdrawn").notNull().default(0),
    onTime: integer("on_time").notNull().default(0),
    /** Handling times of the tasks concluded that day: working days → tasks, so averages and percentiles merge. */
    handlingDays: jsonb("handling_days").$type<Record<string, number>>().notNull().default({}),
    supplemented: integer("supplemented").notNull().default(0),
    extensions: integer("extensions").notNull().default(0),
    ratings: integer("ratings").notNull().default(0),
    ratingTotal: integer("rating_total").notNull().default(0),
    dissatisfied: integer("dissatisfied").notNull().default(0),
    satisfied: integer("satisfied").notNull().default(0),
    yellowCards: integer("yellow_cards").notNull().default(0),
    redCards: integer("red_cards").notNull().default(0),
    urgingsSent: integer("urgings_sent").notNull().default(0),
    urgingsAnsweredLate: integer("urgings_answered_late").notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.grouping, table.day, table.key, table.departmentId] }),
    // A department's supervisor reads their department's rows of a range.
    index("figure_days_department_idx").on(table.grouping, table.departmentId, table.day),
  ],
);

/** The closed days whose figures are in figure_days. */
export const figureDaysDone = pgTable("figure_days_done", {
  day: date("day", { mode: "string" }).primaryKey(),
  countedAt: timestamp("counted_at", { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * The 好差评 ratings given on each closed day, for /statistics' all-time figures: all of them (grouping "all", key ""),
 * per department that handled the case (its task reached its queue; key: the department's id) and per service or
 * bundle applied for (key: "<subject type>:<code>"). Counted with figure_days, for the same days, and forgotten with
 * them (server/supervision/count-figure-days.ts, server/ratings/aggregate-ratings.ts).
 */
export const ratingDays = pgTable(
  "rating_days",
  {
    day: date("day", { mode: "string" }).notNull(),
    grouping: text("grouping", { enum: ["all", "department", "subject"] }).notNull(),
    key: text("key").notNull(),
    ratings: integer("ratings").notNull(),
    overallTotal: integer("overall_total").notNull(),
    level1: integer("level1").notNull(),
    level2: integer("level2").notNull(),
    level3: integer("level3").notNull(),
    level4: integer("level4").notNull(),
    level5: integer("level5").notNull(),
    efficiencyTotal: integer("efficiency_total").notNull(),
    guideAccuracyTotal: integer("guide_accuracy_total").notNull(),
    convenienceTotal: integer("convenience_total").notNull(),
  },
  (table) => [primaryKey({ columns: [table.grouping, table.day, table.key] })],
);
