/**
 * Shared counters for sign-in throttling (rate-limiter-flexible's drizzle store): kept in the database so every
 * replica behind the load balancer sees the same attempts.
 */
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
export type TRateLimit = typeof rateLimits.$inferSelect;
