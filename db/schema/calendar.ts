/** The official holiday calendar: days off and make-up working days (调休). Admin-editable; seeded from the State Council notice. */
import { date, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

export const calendarDayKinds = ["holiday", "workday"] as const;

export const calendarDays = pgTable("calendar_days", {
  date: date("date", { mode: "string" }).primaryKey(),
  kind: text("kind", { enum: calendarDayKinds }).notNull(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});
export type TCalendarDay = typeof calendarDays.$inferSelect;
