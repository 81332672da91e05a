/**
 * Notifications go through a transactional outbox: the use case that changes a task writes one outbox row per
 * recipient in its own transaction; a worker inside the server delivers each row to the recipient's in-app inbox
 * (and by e-mail when SMTP is configured), retrying with backoff. The inbox row's unique outbox id makes a second
 * delivery of the same row a no-op, so a crash between commit and delivery neither loses nor doubles a message.
 *
 * A recipient is a person or a company (exactly one of the two). A company's message belongs to the company: whoever
 * is a member of it now sees it, including members who joined after it was sent, and a member who leaves no longer
 * does (decision 022). What one person has done with a message, read it or been e-mailed a copy, is theirs alone:
 * inbox_reads, one row a message and person, for personal and company messages alike.
 */
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { createdAt } from "./columns";
import { companies, users } from "./identity";

/** Values a message template is filled with (case number, service name in every language, a reason …). */
export type TNotificationParams = Record<string, string | number | { "zh-Hans": string; "zh-Hant": string; en: string }>;

export const outbox = pgTable(
  "outbox",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** A person; null when the message is a company's. */
    recipientId: uuid("recipient_id").references(() => users.id),
    /** A company: every current member sees the message. */
    companyId: uuid("company_id").references(() => companies.id),
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
    check("outbox_one_recipient", sql`(${table.recipientId} is null) <> (${table.companyId} is null)`),
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
    /** A person's own message; null when it is a company's. */
    userId: uuid("user_id").references(() => users.id),
    /** A company's message, seen by whoever is a member of the company now. */
    companyId: uuid("company_id").references(() => companies.id),
    topic: text("topic").notNull(),
    params: jsonb("params").$type<TNotificationParams>().notNull().default({}),
    caseId: uuid("case_id").references(() => cases.id),
    link: text("link"),
    createdAt: createdAt(),
  },
  (table) => [
    index("inbox_messages_user_idx").on(table.userId, table.createdAt),
    index("inbox_messages_company_idx").on(table.companyId, table.createdAt),
    check("inbox_messages_one_owner", sql`(${table.userId} is null) <> (${table.companyId} is null)`),
  ],
);
export type TInboxMessage = typeof inboxMessages.$inferSelect;

/**
 * One person's state of one message. No row: unread and not e-mailed. The e-mail column lets a retry skip the
 * members of a company already e-mailed, so each gets one copy however often the row is tried.
 */
export const inboxReads = pgTable(
  "inbox_reads",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => inboxMessages.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set when this person's e-mail copy was handed to SMTP (only when SMTP is configured). */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.messageId, table.userId] })],
);
export type TInboxRead = typeof inboxReads.$inferSelect;
