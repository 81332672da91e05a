/**
 * Delivers due outbox rows: each becomes one inbox message, and, when a mailer is configured, one e-mailed copy for
 * each person it is for who has an e-mail address: the recipient of a personal message, every current member of the
 * company of a company's message.
 *
 * Two steps, so that no transaction waits on an SMTP server (on PGlite one open transaction stops every request):
 * 1. One transaction claims a batch with FOR UPDATE SKIP LOCKED (replicas take disjoint batches), writes the inbox
 *    messages (ON CONFLICT (outbox_id) DO NOTHING: a row delivered before never makes a second message), marks the
 *    rows that need no e-mail delivered, and leases the others by moving their next attempt a few minutes ahead.
 *    The batch's messages are written under a savepoint; if that fails, each row is written under its own, so a row
 *    that cannot be delivered fails alone: it counts an attempt and backs off, and the rows after it go out.
 * 2. Outside it, each copy is sent, and each one SMTP accepted is recorded at once in the person's inbox_reads row
 *    (emailed_at); when every copy of a row went out the row is delivered, otherwise the row counts an attempt and
 *    backs off. A retry writes no second inbox message and e-mails nobody whose emailed_at is set, so each member of
 *    a company gets one copy however many attempts it takes the others.
 * After the last attempt a row becomes a dead letter (dead_at): it is no longer tried, and an administrator sees it
 * at /admin/outbox and may retry it (retry-dead-letter.ts). What is recorded of the failure holds no personal data.
 * A crash before step 1 commits leaves the rows due; after it, the inbox messages are kept and the lease runs out,
 * so the e-mail is tried again. Only a crash between SMTP accepting a copy and step 2 recording it can send a copy
 * twice: SMTP offers no way to ask whether a message was already sent.
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companyMembers, inboxMessages, inboxReads, outbox, users, type TNotificationParams } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { logger } from "@/server/log/logger";
import { describeDeliveryError } from "./describe-delivery-error";
import type { TMailer } from "./mailer";
import { renderEmailFooter, renderNotification } from "./render-notification";

/** How long a row being e-mailed is hidden from other workers; well above the mailer's timeouts. */
export const emailLeaseMs = 5 * 60_000;
/** After this many failed attempts a row becomes a dead letter: about 15 hours of retries. */
export const maxDeliveryAttempts = 24;
// Users have no language preference yet, so e-mailed copies are written in the portal's default language.
const emailLocale: Locale = "zh-Hans";

/** What names one e-mailed copy on every attempt (its Message-ID's left part): the outbox row and the person. */
export function emailCopyKey(outboxId: number, userId: string): string {
  return `onedoor-outbox-${outboxId}-${userId}`;
}

/** The wait after the n-th failure (n = failures before it): 10 s · 2^n, at most an hour. */
export function retryDelayMs(previousAttempts: number): number {
  return Math.min(10_000 * 2 ** previousAttempts, 60 * 60_000);
}

/** One outbox row's e-mails still to send: one a person, none twice. */
type TEmailCopies = { outboxId: number; attempts: number; messageId: string; topic: string; params: TNotificationParams; to: { userId: string; email: string }[] };

export type TDeliverResult = {
  /** Rows finished: inbox message written, and e-mailed when a copy was due. */
  delivered: number;
  /** Rows that failed this time (the inbox message, or the e-mail): retried later, or dead letters now. */
  failed: number;
};

/** Claims the rows due now, oldest first, skipping those another worker holds. */
export function selectDueRows(tx: TDatabase, { now, limit }: { now: Date; limit: number }) {
  return (
    tx
      .select({ id: outbox.id, attempts: outbox.attempts, topic: outbox.topic, params: outbox.params })
      .from(outbox)
      // The predicate of outbox_due_idx (delivered_at and dead_at null), so that index serves this query.
      .where(and(isNull(outbox.deliveredAt), isNull(outbox.deadAt), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .for("update", { of: outbox, skipLocked: true })
  );
}

/** Writes the inbox messages of these outbox rows (none twice). */
async function writeInboxMessages(tx: TDatabase, ids: number[]) {
  await tx
    .insert(inboxMessages)
    .select(
      tx
        // drizzle's INSERT … SELECT wants every column of inbox_messages, in order.
        .select({
          id: sql<string>`gen_random_uuid()`.as("id"),
          outboxId: outbox.id,
          userId: outbox.recipientId,
          companyId: outbox.companyId,
          topic: outbox.topic,
          params: outbox.params,
          caseId: outbox.caseId,
          link: outbox.link,
          // The message is dated when the change it reports happened, not when it was delivered.
          createdAt: outbox.createdAt,
        })
        .from(outbox)
        .where(inArray(outbox.id, ids)),
    )
    .onConflictDoNothing({ target: inboxMessages.outboxId });
}

/**
 * Who still needs an e-mail of these rows' messages: the person a personal message is for, or each current member
 * of the company, who has an address and whose copy is not recorded as sent.
 */
async function listPendingEmails(tx: TDatabase, outboxIds: number[]) {
  return tx
    .select({ outboxId: inboxMessages.outboxId, messageId: inboxMessages.id, userId: users.id, email: users.email })
    .from(inboxMessages)
    .leftJoin(companyMembers, eq(companyMembers.companyId, inboxMessages.companyId))
    .innerJoin(users, eq(users.id, sql`coalesce(${inboxMessages.userId}, ${companyMembers.userId})`))
    .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, users.id)))
    .where(and(inArray(inboxMessages.outboxId, outboxIds), isNotNull(users.email), isNull(inboxReads.emailedAt)))
    .orderBy(asc(inboxMessages.outboxId), asc(users.id));
}

/** Counts a failed attempt: the row backs off, or, after the last attempt, becomes a dead letter. */
async function recordFailure(db: TDatabase, { id, attempts, error, now, maxAttempts }: { id: number; attempts: number; error: unknown; now: Date; maxAttempts: number }) {
  const dead = attempts + 1 >= maxAttempts;
  const described = describeDeliveryError(error);
  // The reason, masked as it is kept (no address, ID or mobile), so an operator can tell a mail server down from a
  // message it refuses without opening the database.
  logger.warn({ outboxId: id, attempt: attempts + 1, dead, error: described }, "outbox: a delivery attempt failed");
  await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      lastError: described,
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      ...(dead ? { deadAt: now } : {}),
    })
    .where(and(eq(outbox.id, id), isNull(outbox.deliveredAt), isNull(outbox.deadAt)));
}

export async function deliverOutbox({
  db,
  now = new Date(),
  limit = 50,
  mailer = null,
  maxAttempts = maxDeliveryAttempts,
}: {
  db: TDatabase;
  now?: Date;
  limit?: number;
  mailer?: TMailer | null;
  maxAttempts?: number;
}): Promise<TDeliverResult> {
  const claimed = await db.transaction(async (tx) => {
    const due = await selectDueRows(tx, { now, limit });
    if (due.length === 0) return { delivered: 0, failed: 0, copies: [] };

    const failedIds = new Set<number>();
    try {
      await tx.transaction((batch) => writeInboxMessages(batch, due.map((row) => row.id)));
    } catch {
      // One row (or more) cannot be written; find which, row by row, each under its own savepoint.
      for (const row of due) {
        try {
          await tx.transaction((single) => writeInboxMessages(single, [row.id]));
        } catch (error) {
          failedIds.add(row.id);
          await recordFailure(tx, { id: row.id, attempts: row.attempts, error, now, maxAttempts });
        }
      }
    }
    const written = due.filter((row) => !failedIds.has(row.id));
    const ids = written.map((row) => row.id);

    const pending = mailer && ids.length > 0 ? await listPendingEmails(tx, ids) : [];
    const copies: TEmailCopies[] = [];
    const finishedIds: number[] = [];
    for (const row of written) {
      const to = pending.filter((email) => email.outboxId === row.id);
      if (to.length > 0) {
        const messageId = to[0].messageId;
        copies.push({ outboxId: row.id, attempts: row.attempts, messageId, topic: row.topic, params: row.params, to: to.map(({ userId, email }) => ({ userId, email: email! })) });
      } else {
        finishedIds.push(row.id);
      }
    }
    if (finishedIds.length > 0) await tx.update(outbox).set({ deliveredAt: now }).where(inArray(outbox.id, finishedIds));
    if (copies.length > 0) {
      await tx
        .update(outbox)
        .set({ nextAttemptAt: new Date(now.getTime() + emailLeaseMs) })
        .where(inArray(outbox.id, copies.map((copy) => copy.outboxId)));
    }
    return { delivered: finishedIds.length, failed: failedIds.size, copies };
  });
  if (!mailer || claimed.copies.length === 0) return { delivered: claimed.delivered, failed: claimed.failed };

  const sent = await Promise.all(claimed.copies.map((copies) => sendCopies({ db, mailer, copies, now, maxAttempts })));
  const succeeded = sent.filter(Boolean).length;
  return { delivered: claimed.delivered + succeeded, failed: claimed.failed + sent.length - succeeded };
}

/** Sends one row's copies, one person after another; true when every one went out and the row is delivered. */
async function sendCopies({ db, mailer, copies, now, maxAttempts }: { db: TDatabase; mailer: TMailer; copies: TEmailCopies; now: Date; maxAttempts: number }): Promise<boolean> {
  let firstError: unknown = null;
  let failed = false;
  for (const person of copies.to) {
    try {
      const { title, body } = renderNotification({ topic: copies.topic, params: copies.params, locale: emailLocale });
      await mailer.send({ to: person.email, subject: title, text: `${body}\n\n${renderEmailFooter(emailLocale)}\n`, copyKey: emailCopyKey(copies.outboxId, person.userId) });
    } catch (error) {
      // The others are still sent; this person's copy is tried again with the row.
      if (!failed) firstError = error;
      failed = true;
      continue;
    }
    await db
      .insert(inboxReads)
      .values({ messageId: copies.messageId, userId: person.userId, emailedAt: now })
      .onConflictDoUpdate({ target: [inboxReads.messageId, inboxReads.userId], set: { emailedAt: now }, setWhere: isNull(inboxReads.emailedAt) });
  }
  if (failed) {
    // The inbox message stands; only the copies not sent are retried (or, after the last attempt, left to an administrator).
    await recordFailure(db, { id: copies.outboxId, attempts: copies.attempts, error: firstError, now, maxAttempts });
    return false;
  }
  await db.update(outbox).set({ deliveredAt: now }).where(eq(outbox.id, copies.outboxId));
  return true;
}
