import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TDatabase } from "@/db/client";
import { drafts, inboxMessages, inboxReads, outbox, tasks, users } from "@/db/schema";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { startDraft } from "@/server/drafts/start-draft";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { deliverOutbox, emailLeaseMs, maxDeliveryAttempts, selectDueRows } from "./deliver-outbox";
import { listDeadLetters } from "./list-dead-letters";
import { retryDeadLetter } from "./retry-dead-letter";
import { enqueueNotification } from "./enqueue-notification";
import { listInbox } from "./list-inbox";
import type { TMail, TMailer } from "./mailer";
import { markInboxRead } from "./mark-inbox-read";
import { startOutboxWorker } from "./start-outbox-worker";
import { logger } from "@/server/log/logger";
import { databaseNow } from "@/server/testing/database-now";

const service = { "zh-Hans": "食品经营许可", "zh-Hant": "食品經營許可", en: "Food business licence" };
const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);

/** A mailer that records what it sent; `fail` makes the next sends throw like an SMTP server refusing them. */
function fakeMailer() {
  const sent: TMail[] = [];
  const mailer = {
    sent,
    fail: false,
    send: async (mail: TMail) => {
      if (mailer.fail) throw new Error("421 4.7.0 try again later");
      sent.push(mail);
    },
  };
  return mailer;
}

describe.each(testDatabaseKinds)("notifications on %s", (kind) => {
  let world: TWorld;
  let citizen: TActor;
  let citizen2: TActor;
  let clerk: TActor;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 6 });
    [citizen, citizen2, clerk, admin] = await Promise.all([world.actorOf("citizen"), world.actorOf("citizen2"), world.actorOf("clerk-amr"), world.actorOf("admin")]);
  });
  afterAll(async () => {
    await world?.drop();
  });
  // Each test starts with an empty queue and no e-mail addresses; what earlier tests left is set aside.
  beforeEach(async () => {
    await world.db.update(outbox).set({ deliveredAt: new Date(), deadAt: null }).where(isNull(outbox.deliveredAt));
    await world.db.update(users).set({ email: null });
  });

  /** Enqueues in its own committed transaction, as a use case would; returns the new outbox ids. */
  async function enqueue(recipientIds: string[], caseNumber: string, topic = "task-accepted"): Promise<number[]> {
    const params = { caseNumber, service, reason: "材料不齐" };
    await world.db.transaction((tx) => enqueueNotification(tx, { recipientIds, topic, params, link: `/me/cases/${caseNumber}` }));
    const rows = await world.db.select({ id: outbox.id }).from(outbox).where(sql`${outbox.params}->>'caseNumber' = ${caseNumber}`);
    return rows.map((row) => row.id);
  }
  /** The inbox messages of these rows (all personal here), with their recipient's read and e-mailed state. */
  async function inboxOf(outboxIds: number[]) {
    const rows = await world.db
      .select()
      .from(inboxMessages)
      .leftJoin(inboxReads, and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, inboxMessages.userId)))
      .where(inArray(inboxMessages.outboxId, outboxIds));
    return rows.map((row) => ({ ...row.inbox_messages, readAt: row.inbox_reads?.readAt ?? null, emailedAt: row.inbox_reads?.emailedAt ?? null }));
  }
  async function outboxRow(id: number) {
    const [row] = await world.db.select().from(outbox).where(eq(outbox.id, id));
    return row!;
  }

  it("keeps a committed message through a crash before delivery, and a restarted worker delivers it exactly once", async () => {
    const ids = await enqueue([citizen.id, citizen2.id], "OD-CRASH-1");
    expect(ids).toHaveLength(2);
    // The process dies here: no worker ever ran. The rows are still waiting, nothing reached an inbox.
    expect(await inboxOf(ids)).toHaveLength(0);
    expect((await outboxRow(ids[0])).deliveredAt).toBeNull();

    const now = databaseNow();
    expect(await deliverOutbox({ db: world.db, now })).toEqual({ delivered: 2, failed: 0 });
    const delivered = await inboxOf(ids);
    expect(delivered.map((message) => message.userId).sort()).toEqual([citizen.id, citizen2.id].sort());
    expect(delivered.every((message) => message.topic === "task-accepted" && message.link === "/me/cases/OD-CRASH-1")).toBe(true);

    expect(await deliverOutbox({ db: world.db, now: seconds(now, 3600) })).toEqual({ delivered: 0, failed: 0 });
    expect(await inboxOf(ids)).toHaveLength(2);
  });

  it("keeps the inbox message through a crash while e-mailing, and e-mails it once the lease runs out", async () => {
    await world.db.update(users).set({ email: "zhangsan@example.cn" }).where(eq(users.id, citizen.id));
    const [id] = await enqueue([citizen.id], "OD-CRASH-2");
    const now = databaseNow();
    // A worker claims the row and hangs inside SMTP for ever (as good as a crash): its inbox message is committed.
    let reachedSmtp!: () => void;
    const atSmtp = new Promise<void>((resolve) => (reachedSmtp = resolve));
    const hanging: TMailer = { send: () => (reachedSmtp(), new Promise<void>(() => {})) };
    void deliverOutbox({ db: world.db, now, mailer: hanging });
    await atSmtp;
    expect(await inboxOf([id])).toHaveLength(1);

    const mailer = fakeMailer();
    expect(await deliverOutbox({ db: world.db, now: seconds(now, 60), mailer })).toEqual({ delivered: 0, failed: 0 });
    expect(mailer.sent).toHaveLength(0);
    expect(await deliverOutbox({ db: world.db, now: new Date(now.getTime() + emailLeaseMs), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(1);
    const [message] = await inboxOf([id]);
    expect(message.emailedAt).not.toBeNull();
    expect(await inboxOf([id])).toHaveLength(1);
  });

  it("makes one inbox message per outbox row when the same rows are delivered twice", async () => {
    const ids = await enqueue([citizen.id, citizen2.id, clerk.id], "OD-TWICE");
    const now = databaseNow();
    expect(await deliverOutbox({ db: world.db, now })).toEqual({ delivered: 3, failed: 0 });
    // As if the delivered mark were lost: the rows come round again.
    await world.db.update(outbox).set({ deliveredAt: null }).where(inArray(outbox.id, ids));
    expect(await deliverOutbox({ db: world.db, now })).toEqual({ delivered: 3, failed: 0 });
    expect(await inboxOf(ids)).toHaveLength(3);
  });

  it("shares the queue between racing workers without delivering a row twice", async () => {
    const ids: number[] = [];
    for (let round = 0; round < 12; round += 1) ids.push(...(await enqueue([citizen.id, citizen2.id, clerk.id], `OD-RACE-${round}`)));
    expect(ids).toHaveLength(36);
    const now = databaseNow();
    async function worker() {
      let total = 0;
      for (;;) {
        const { delivered } = await deliverOutbox({ db: world.db, now, limit: 5 });
        if (delivered === 0) return total;
        total += delivered;
      }
    }
    const totals = await Promise.all([worker(), worker(), worker(), worker()]);
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(36);
    const messages = await inboxOf(ids);
    expect(messages).toHaveLength(36);
    expect(new Set(messages.map((message) => message.outboxId)).size).toBe(36);
  });

  it("keeps the inbox message when e-mail fails, retries the e-mail after the backoff, and never sends it twice", async () => {
    await world.db.update(users).set({ email: "zhangsan@example.cn" }).where(eq(users.id, citizen.id));
    const [id] = await enqueue([citizen.id], "OD-MAIL-1", "supplement-requested");
    const mailer = fakeMailer();
    const t0 = new Date();

    mailer.fail = true;
    expect(await deliverOutbox({ db: world.db, now: t0, mailer })).toEqual({ delivered: 0, failed: 1 });
    expect(await inboxOf([id])).toHaveLength(1);
    expect((await inboxOf([id]))[0].emailedAt).toBeNull();
    let row = await outboxRow(id);
    expect(row).toMatchObject({ attempts: 1, deliveredAt: null, nextAttemptAt: seconds(t0, 10) });
    expect(row.lastError).toContain("421");

    mailer.fail = false;
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 9.999), mailer })).toEqual({ delivered: 0, failed: 0 });
    expect(mailer.sent).toHaveLength(0);

    mailer.fail = true;
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 10), mailer })).toEqual({ delivered: 0, failed: 1 });
    row = await outboxRow(id);
    expect(row).toMatchObject({ attempts: 2, nextAttemptAt: seconds(t0, 30) });
    expect(await inboxOf([id])).toHaveLength(1);

    mailer.fail = false;
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 29), mailer })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 30), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toEqual([
      {
        to: "zhangsan@example.cn",
        subject: "请补正材料",
        text: expect.stringContaining("您的办件OD-MAIL-1（食品经营许可）需要补正材料，请尽快提交。"),
        // The same on every attempt: made of the outbox row and the person.
        copyKey: expect.stringMatching(new RegExp(`^onedoor-outbox-${id}-[0-9a-f-]{36}$`)),
      },
    ]);
    const [message] = await inboxOf([id]);
    expect(message.emailedAt).toEqual(seconds(t0, 30));
    expect((await outboxRow(id)).deliveredAt).toEqual(seconds(t0, 30));

    // Even if the row came round again, an e-mailed message is not e-mailed twice, nor written twice.
    await world.db.update(outbox).set({ deliveredAt: null }).where(eq(outbox.id, id));
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 3600), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(1);
    expect(await inboxOf([id])).toHaveLength(1);
  });

  it("makes the e-mail a dead letter after the last attempt but keeps the inbox message; a retry sends it", async () => {
    await world.db.update(users).set({ email: "zhangsan@example.cn" }).where(eq(users.id, citizen.id));
    const [id] = await enqueue([citizen.id], "OD-MAIL-2");
    await world.db.update(outbox).set({ attempts: maxDeliveryAttempts - 1 }).where(eq(outbox.id, id));
    const mailer = fakeMailer();
    mailer.fail = true;
    const now = databaseNow();
    expect(await deliverOutbox({ db: world.db, now, mailer })).toEqual({ delivered: 0, failed: 1 });
    expect(await outboxRow(id)).toMatchObject({ attempts: maxDeliveryAttempts, deliveredAt: null, deadAt: now });
    expect(await inboxOf([id])).toHaveLength(1);
    // A dead letter is not tried again by the worker, however late.
    mailer.fail = false;
    expect(await deliverOutbox({ db: world.db, now: seconds(now, 86_400), mailer })).toEqual({ delivered: 0, failed: 0 });
    expect(mailer.sent).toHaveLength(0);

    expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId: id, now: seconds(now, 60) })).toEqual({ ok: true, id });
    expect(await deliverOutbox({ db: world.db, now: seconds(now, 60), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(1);
    expect(await inboxOf([id])).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ deliveredAt: seconds(now, 60), deadAt: null });
  });

  describe("a row that can never be written", () => {
    // The inbox refuses one message (as a broken row would), naming personal data in its complaint.
    beforeEach(async () => {
      await world.db.execute(sql`
        create or replace function refuse_poisoned_message() returns trigger language plpgsql as $$
        begin
          if new.params->>'caseNumber' like 'OD-POISON%' then
            raise exception 'inbox refuses message for 310104198803124016 (zhangsan@example.cn, 13800138000)';
          end if;
          return new;
        end $$`);
      await world.db.execute(sql`create trigger refuse_poisoned_message before insert on inbox_messages for each row execute function refuse_poisoned_message()`);
    });
    afterEach(async () => {
      await world.db.execute(sql`drop trigger if exists refuse_poisoned_message on inbox_messages`);
      await world.db.execute(sql`drop function if exists refuse_poisoned_message()`);
    });

    it("does not hold up the rows after it: it fails alone and backs off", async () => {
      const [poisoned] = await enqueue([citizen.id], "OD-POISON-1");
      const after = [...(await enqueue([citizen2.id, clerk.id], "OD-AFTER-1")), ...(await enqueue([citizen.id], "OD-AFTER-2"))];
      const t0 = new Date();
      expect(await deliverOutbox({ db: world.db, now: t0 })).toEqual({ delivered: 3, failed: 1 });
      expect(await inboxOf(after)).toHaveLength(3);
      expect(await inboxOf([poisoned])).toHaveLength(0);
      const row = await outboxRow(poisoned);
      expect(row).toMatchObject({ attempts: 1, deliveredAt: null, deadAt: null, nextAttemptAt: seconds(t0, 10) });
      // What is kept of the failure names nobody.
      expect(row.lastError).toBe("P0001: inbox refuses message for 3101**********4016 (z*******@example.cn, 138****8000)");

      // Rows enqueued later go out too while the poisoned one waits for its next attempt, and then fails alone again.
      const later = await enqueue([citizen2.id], "OD-AFTER-3");
      expect(await deliverOutbox({ db: world.db, now: seconds(t0, 10) })).toEqual({ delivered: 1, failed: 1 });
      expect(await inboxOf(later)).toHaveLength(1);
      expect(await outboxRow(poisoned)).toMatchObject({ attempts: 2, nextAttemptAt: seconds(t0, 30) });
    });

    it("becomes a dead letter after the last attempt, which an administrator sees and retries, and it is then delivered", async () => {
      const [poisoned] = await enqueue([citizen.id], "OD-POISON-2");
      let now = new Date();
      for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt++) {
        expect(await deliverOutbox({ db: world.db, now })).toEqual({ delivered: 0, failed: 1 });
        now = (await outboxRow(poisoned)).nextAttemptAt;
      }
      const dead = await outboxRow(poisoned);
      expect(dead.attempts).toBe(maxDeliveryAttempts);
      expect(dead.deadAt).not.toBeNull();
      expect(await deliverOutbox({ db: world.db, now: seconds(now, 86_400) })).toEqual({ delivered: 0, failed: 0 });

      const listed = await listDeadLetters({ db: world.db, actor: admin });
      if (!listed.ok) throw new Error(listed.code);
      expect(listed.total).toBe(1);
      expect(listed.deadLetters).toEqual([
        {
          id: poisoned,
          recipient: { kind: "person", name: "张*", role: "citizen", email: null },
          topic: "task-accepted",
          attempts: maxDeliveryAttempts,
          lastError: expect.stringContaining("3101**********4016"),
          createdAt: dead.createdAt,
          deadAt: dead.deadAt,
        },
      ]);
      expect(await listDeadLetters({ db: world.db, actor: clerk })).toEqual({ ok: false, code: "forbidden:role" });

      // Only an administrator retries, only a dead letter, once.
      expect(await retryDeadLetter({ db: world.db, actor: clerk, outboxId: poisoned })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId: "1; drop table outbox" })).toEqual({ ok: false, code: "not-found:dead-letter" });
      const [alive] = await enqueue([citizen2.id], "OD-ALIVE");
      expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId: alive })).toEqual({ ok: false, code: "not-found:dead-letter" });
      expect(await outboxRow(poisoned)).toMatchObject({ deadAt: dead.deadAt });

      // The cause is fixed (the trigger goes); the administrator retries; the worker delivers it.
      await world.db.execute(sql`drop trigger refuse_poisoned_message on inbox_messages`);
      const retryAt = seconds(now, 90_000);
      expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId: String(poisoned), now: retryAt })).toEqual({ ok: true, id: poisoned });
      expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId: poisoned, now: retryAt })).toEqual({ ok: false, code: "not-found:dead-letter" });
      expect(await outboxRow(poisoned)).toMatchObject({ deadAt: null, attempts: 0, nextAttemptAt: retryAt });
      expect(await deliverOutbox({ db: world.db, now: retryAt })).toEqual({ delivered: 2, failed: 0 });
      expect(await inboxOf([poisoned])).toHaveLength(1);
      expect(await listDeadLetters({ db: world.db, actor: admin })).toEqual({ ok: true, total: 0, deadLetters: [] });
    });
  });

  it("claims due rows through the partial index the migration made for them", async () => {
    const query = selectDueRows(world.db, { now: new Date(), limit: 50 }).toSQL();
    let plan: string;
    if (world.pool) {
      const client = await world.pool.connect();
      try {
        await client.query("begin");
        await client.query("set local enable_seqscan = off");
        plan = (await client.query(`explain ${query.sql}`, query.params as unknown[])).rows.map((row: Record<string, string>) => Object.values(row)[0]).join("\n");
        await client.query("rollback");
      } finally {
        client.release();
      }
    } else {
      plan = await world.pglite!.transaction(async (tx) => {
        await tx.exec("set local enable_seqscan = off");
        const result = await tx.query<Record<string, string>>(`explain ${query.sql}`, query.params as unknown[]);
        return result.rows.map((row) => Object.values(row)[0]).join("\n");
      });
    }
    expect(plan).toContain("outbox_due_idx");
  });

  it("delivers to the inbox only when the recipient has no e-mail address", async () => {
    const ids = await enqueue([citizen2.id], "OD-NOMAIL");
    const mailer = fakeMailer();
    expect(await deliverOutbox({ db: world.db, now: databaseNow(), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(0);
    expect((await inboxOf(ids))[0].emailedAt).toBeNull();
  });

  it("leaves nothing behind when the enqueuing transaction rolls back", async () => {
    await expect(
      world.db.transaction(async (tx) => {
        await enqueueNotification(tx, { recipientIds: [citizen.id], topic: "task-approved", params: { caseNumber: "OD-ROLLBACK", service } });
        throw new Error("the task change failed");
      }),
    ).rejects.toThrow("the task change failed");
    const rows = await world.db.select().from(outbox).where(sql`${outbox.params}->>'caseNumber' = 'OD-ROLLBACK'`);
    expect(rows).toHaveLength(0);
    expect(await deliverOutbox({ db: world.db, now: seconds(new Date(), 60) })).toEqual({ delivered: 0, failed: 0 });
  });

  it("lists only the reader's own messages, newest first, a page at a time, in the reader's language", async () => {
    // Three messages enqueued in one transaction share created_at: pages must still neither skip nor repeat one.
    await world.db.transaction(async (tx) => {
      for (const caseNumber of ["OD-LIST-1", "OD-LIST-2", "OD-LIST-3"]) {
        await enqueueNotification(tx, { recipientIds: [citizen2.id], topic: "task-approved", params: { caseNumber, service }, link: `/me/cases/${caseNumber}` });
      }
    });
    await enqueue([citizen2.id], "OD-LIST-4", "task-rejected");
    await enqueue([citizen.id], "OD-LIST-OTHER");
    await deliverOutbox({ db: world.db, now: databaseNow() });

    const all = await listInbox({ db: world.db, actor: citizen2, locale: "en", limit: 100 });
    expect(all.messages.every((message) => !message.body.includes("OD-LIST-OTHER"))).toBe(true);
    const mine = await world.db.select({ id: inboxMessages.id }).from(inboxMessages).where(eq(inboxMessages.userId, citizen2.id));
    expect(all.messages.map((message) => message.id).sort()).toEqual(mine.map((row) => row.id).sort());
    expect(all.messages[0]).toMatchObject({ title: "Application rejected", link: "/me/cases/OD-LIST-4", read: false });
    expect(all.messages[0].body).toContain("OD-LIST-4 (Food business licence)");
    const times = all.messages.map((message) => message.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.unreadCount).toBe(mine.length);

    const paged: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listInbox({ db: world.db, actor: citizen2, locale: "zh-Hant", limit: 2, before });
      paged.push(...page.messages.map((message) => message.id));
      if (!page.olderCursor) break;
      before = page.olderCursor;
    }
    expect(paged).toEqual(all.messages.map((message) => message.id));
  });

  it("marks the reader's own message read, and refuses someone else's without changing it", async () => {
    const [id] = await enqueue([citizen.id], "OD-READ");
    await deliverOutbox({ db: world.db, now: databaseNow() });
    const [message] = await inboxOf([id]);
    const unreadBefore = (await listInbox({ db: world.db, actor: citizen, locale: "zh-Hans" })).unreadCount;

    expect(await markInboxRead({ db: world.db, actor: citizen2, messageId: message.id })).toEqual({ ok: false, code: "forbidden:inbox-message" });
    expect((await inboxOf([id]))[0].readAt).toBeNull();
    expect(await markInboxRead({ db: world.db, actor: citizen, messageId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      code: "not-found:inbox-message",
    });

    const readAt = new Date("2026-03-02T10:00:00+08:00");
    expect(await markInboxRead({ db: world.db, actor: citizen, messageId: message.id, now: readAt })).toEqual({ ok: true });
    expect(await markInboxRead({ db: world.db, actor: citizen, messageId: message.id })).toEqual({ ok: true });
    expect((await inboxOf([id]))[0].readAt).toEqual(readAt);
    const after = await listInbox({ db: world.db, actor: citizen, locale: "zh-Hans" });
    expect(after.unreadCount).toBe(unreadBefore - 1);
    expect(after.messages.find((item) => item.id === message.id)?.read).toBe(true);
  });

  it("runs a worker loop that delivers what is due and stops cleanly", async () => {
    const ids = await enqueue([citizen.id], "OD-WORKER");
    const firstRound = new Promise<unknown>((resolve) => {
      const worker = startOutboxWorker({ db: world.db, onBatch: (outcome) => resolve(worker.stop().then(() => outcome)) });
    });
    expect(await firstRound).toEqual({ delivered: 1, failed: 0 });
    expect(await inboxOf(ids)).toHaveLength(1);
  });

  /** An unclaimed TAX task three days past its due date by the real clock (the worker sweeps as of now). */
  async function overdueTaxTask() {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "TAX", count: 1, firstDueDate: addDays(toIsoDate(new Date()), -3) });
    return taskId;
  }
  async function overdueMessagesOf(taskId: string) {
    return world.db
      .select({ username: users.username })
      .from(inboxMessages)
      .innerJoin(users, eq(users.id, inboxMessages.userId))
      .where(and(eq(inboxMessages.topic, "task-overdue"), eq(inboxMessages.link, `/desk/tasks/${taskId}`)));
  }

  it("sweeps for overdue tasks at most once a minute, delivering what the sweep wrote in the same round", async () => {
    const taskId = await overdueTaxTask();
    const sweeps: unknown[] = [];
    const rounds: unknown[] = [];
    await new Promise<void>((resolve) => {
      const worker = startOutboxWorker({
        db: world.db,
        idleDelayMs: 1,
        onSweep: (outcome) => sweeps.push(outcome),
        onBatch: (outcome) => {
          rounds.push(outcome);
          if (rounds.length === 5) void worker.stop().then(resolve);
        },
      });
    });
    expect(sweeps).toEqual([{ notified: 1 }]);
    // The overdue message, and the new-task digest that counts the same (unclaimed, waiting) task for its department.
    expect(rounds[0]).toEqual({ delivered: 2, failed: 0 });
    expect(await overdueMessagesOf(taskId)).toEqual([{ username: "clerk-tax" }]);
  });

  it("purges expired drafts in its sweep, so no page view has to", async () => {
    const longAgo = new Date(Date.now() - 365 * 24 * 60 * 60 * 1000);
    const started = await startDraft({ db: world.db, actor: citizen, subjectCode: "HRSS-SSCARD", now: longAgo });
    if (!started.ok) throw new Error(started.code);
    const purges: unknown[] = [];
    await new Promise<void>((resolve) => {
      const worker = startOutboxWorker({
        db: world.db,
        onPurge: (outcome) => {
          purges.push(outcome);
          void worker.stop().then(resolve);
        },
      });
    });
    expect(purges).toEqual([{ deleted: expect.any(Number) }]);
    expect(await world.db.select({ id: drafts.id }).from(drafts).where(eq(drafts.id, started.draftId))).toEqual([]);
  });

  it("logs a failing sweep without holding up delivery, and sweeps again at the next interval", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const ids = await enqueue([citizen.id], "OD-SWEEP-FAILS");
    const taskId = await overdueTaxTask();
    // The sweep's first query fails once, as if the connection dropped; delivery uses a transaction and is unaffected.
    let failures = 1;
    const flaky = new Proxy(world.db, {
      get(target, property) {
        if (property === "select" && failures > 0) {
          failures -= 1;
          return () => {
            throw new Error("connection reset");
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const sweeps: unknown[] = [];
    const rounds: unknown[] = [];
    await new Promise<void>((resolve) => {
      const worker = startOutboxWorker({
        db: flaky,
        idleDelayMs: 1,
        sweepIntervalMs: 0,
        onSweep: (outcome) => {
          sweeps.push(outcome);
          if (sweeps.length === 2) void worker.stop().then(resolve);
        },
        onBatch: (outcome) => rounds.push(outcome),
      });
    });
    expect(sweeps).toEqual([{ error: expect.any(Error) }, { notified: 1 }]);
    expect(logged).toHaveBeenCalledWith({ err: expect.any(Error) }, "outbox: overdue sweep failed");
    expect(rounds[0]).toEqual({ delivered: 1, failed: 0 });
    expect(await inboxOf(ids)).toHaveLength(1);
    expect((await world.db.select({ at: tasks.overdueNotifiedAt }).from(tasks).where(eq(tasks.id, taskId)))[0].at).not.toBeNull();
    logged.mockRestore();
  });
});

describe("the outbox worker", () => {
  it("logs a failing round and keeps going", async () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => {});
    const broken = {
      transaction: async () => {
        throw new Error("connection refused");
      },
    } as unknown as TDatabase;
    const outcomes: unknown[] = [];
    await new Promise<void>((resolve) => {
      const worker = startOutboxWorker({
        db: broken,
        idleDelayMs: 1,
        onBatch: (outcome) => {
          outcomes.push(outcome);
          if (outcomes.length === 2) void worker.stop().then(resolve);
        },
      });
    });
    expect(outcomes).toEqual([{ error: expect.any(Error) }, { error: expect.any(Error) }]);
    expect(logged).toHaveBeenCalledWith({ err: expect.any(Error) }, "outbox: delivery failed");
    logged.mockRestore();
  });
});
