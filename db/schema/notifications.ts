/**
 * Notifications go through a transactional outbox: the use case that changes a task writes one outbox row per
 * recipient in its own transaction; a worker inside the server delivers each row to the recipient's in-app inbox
 * (and by e-mail when SMTP is configured), retrying with backoff. The inbox row's unique outbox id makes a second
 * delivery of the same row a no-op, so a crash between commit and delivery neither loses nor doubles a message.
 */
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { createdAt } from "./columns";
import { users } from "./identity";

/** Values a message template is filled with (case number, service name in every language, a reason …). */
export type TNotificationParams = Record<string, string | number | { "zh-Hans": string; "zh-Hant": string; en: string }>;

export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id),
    /** The message template (messages.json "notifications.<topic>"), e.g. "supplement-requested". */
    topic: text("topic").notNull(),
    params: jsonb("params").$type<TNotificationParams>().notNull().default({}),
    caseId: uuid("case_id").references(() => cases.id),
    /** Where the message leads (a tracker or a desk task), relative to the site. */
    link: text("link"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastError: text("last_error"),
    /** Set when the last attempt failed: the row is a dead letter, kept for an admin to see and retry. */
    deadAt: timestamp("dead_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    index("outbox_due_idx").on(table.nextAttemptAt, table.id).where(sql`${table.deliveredAt} is null and ${table.deadAt} is null`),
    index("outbox_dead_idx").on(table.deadAt).where(sql`${table.deadAt} is not null`),
  ],
);
export type TOutboxRow = typeof outbox.$inferSelect;

export const inboxMessages = pgTable(
  "inbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Unique: delivering the same outbox row twice inserts nothing the second time. */
    outboxId: bigint("outbox_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => outbox.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    topic: text("topic").notNull(),
    params: jsonb("params").$type<TNotificationParams>().notNull().default({}),
    caseId: uuid("case_id").references(() => cases.id),
    link: text("link"),
    /** Set when the e-mail copy was handed to SMTP (only when SMTP is configured). */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("inbox_messages_user_idx").on(table.userId, table.createdAt)],
);
export type TInboxMessage = typeof inboxMessages.$inferSelect;
