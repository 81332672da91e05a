/**
 * A company's messages belong to the company (decision 022), on both databases: one outbox row and one inbox
 * message for the company, seen by whoever is a member now — a member who joins later sees the earlier messages
 * unread, one who leaves no longer sees them — each member's read state their own, and each member with an address
 * e-mailed once however many attempts the row takes. Also the upgrade: read state kept through migration 0014_company_inbox.
 */
import fs from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/migrate";
import { companyMembers, inboxMessages, inboxReads, outbox, users } from "@/db/schema";
import { migrationsUpTo, openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { seedCompany, seedUser } from "@/seed/factories";
import type { TActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { countUnread } from "./count-unread";
import { deliverOutbox, maxDeliveryAttempts } from "./deliver-outbox";
import { enqueueNotification } from "./enqueue-notification";
import { listDeadLetters } from "./list-dead-letters";
import { listInbox } from "./list-inbox";
import type { TMail } from "./mailer";
import { markInboxRead } from "./mark-inbox-read";
import { retryDeadLetter } from "./retry-dead-letter";
import { databaseNow } from "@/server/testing/database-now";

const service = { "zh-Hans": "食品经营许可", "zh-Hant": "食品經營許可", en: "Food business licence" };
const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);

/** A mailer that records what it sent and refuses the addresses in `refuse`, as an SMTP server would. */
function fakeMailer() {
  const sent: TMail[] = [];
  const refuse = new Set<string>();
  return {
    sent,
    refuse,
    send: async (mail: TMail) => {
      if (refuse.has(mail.to)) throw new Error("450 4.2.1 mailbox busy, try again later");
      sent.push(mail);
    },
  };
}

describe.each(testDatabaseKinds)("a company's inbox on %s", (kind) => {
  let world: TWorld;
  let companyId: string;
  let companyName: string;
  let admin: TActor;
  let stranger: TActor;
  let round = 0;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
    admin = await world.actorOf("admin");
    stranger = await world.actorOf("citizen");
  });
  afterAll(async () => {
    await world?.drop();
  });
  // Each test has a company of its own with two members, `rep` and `agent`, and an outsider who may join it later.
  let rep: TActor;
  let agent: TActor;
  let newcomer: TActor;
  beforeEach(async () => {
    round += 1;
    await world.db.update(outbox).set({ deliveredAt: new Date(), deadAt: null }).where(sql`${outbox.deliveredAt} is null`);
    const [repUser, agentUser, newcomerUser] = await Promise.all(
      ["rep", "agent", "newcomer"].map((name) => seedUser(world.db, { username: `co${round}-${name}`, role: "enterprise", displayName: `${name} ${round}` })),
    );
    companyName = `上海测试${round}号有限公司`;
    const company = await seedCompany(
      world.db,
      { uscc: `91310104MA1TEST${String(round).padStart(3, "0")}`, name: companyName, legalRepresentative: "王五", registeredAddress: "上海市徐汇区", regionCode: "310104" },
      [
        { userId: repUser.id, role: "legal-representative" },
        { userId: agentUser.id, role: "agent" },
      ],
    );
    companyId = company.id;
    [rep, agent, newcomer] = await Promise.all([repUser, agentUser, newcomerUser].map((user) => world.actorOf(user.username!)));
  });

  async function enqueueForCompany(caseNumber: string, topic = "supplement-requested"): Promise<number> {
    await world.db.transaction((tx) => enqueueNotification(tx, { companyIds: [companyId], topic, params: { caseNumber, service }, link: `/me/cases/${caseNumber}` }));
    const [row] = await world.db.select().from(outbox).where(sql`${outbox.params}->>'caseNumber' = ${caseNumber}`);
    return row.id;
  }
  async function messageOf(outboxId: number) {
    const [message] = await world.db.select().from(inboxMessages).where(eq(inboxMessages.outboxId, outboxId));
    return message;
  }
  async function inboxIds(actor: TActor) {
    return (await listInbox({ db: world.db, actor, locale: "en", limit: 100 })).messages.map((message) => message.id);
  }
  async function join(actor: TActor) {
    await world.db.insert(companyMembers).values({ companyId, userId: actor.id, role: "agent" });
    return world.actorOf(actor.username!);
  }
  async function leave(actor: TActor) {
    await world.db.delete(companyMembers).where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, actor.id)));
    return world.actorOf(actor.username!);
  }

  it("writes one outbox row and one inbox message for the company, which every member sees and nobody else", async () => {
    const outboxId = await enqueueForCompany(`OD-CO-${round}-ONE`);
    expect(await world.db.select().from(outbox).where(eq(outbox.id, outboxId))).toEqual([expect.objectContaining({ companyId, recipientId: null })]);
    expect(await deliverOutbox({ db: world.db, now: databaseNow() })).toEqual({ delivered: 1, failed: 0 });
    const message = await messageOf(outboxId);
    expect(message).toMatchObject({ companyId, userId: null });
    expect(await world.db.select().from(inboxMessages).where(eq(inboxMessages.outboxId, outboxId))).toHaveLength(1);

    expect(await inboxIds(rep)).toContain(message.id);
    expect(await inboxIds(agent)).toContain(message.id);
    expect(await inboxIds(stranger)).not.toContain(message.id);
    expect(await inboxIds(newcomer)).not.toContain(message.id);
    expect(await countUnread({ db: world.db, actor: rep })).toBe(1);
    expect(await countUnread({ db: world.db, actor: agent })).toBe(1);
    expect(await countUnread({ db: world.db, actor: newcomer })).toBe(0);
    const listed = await listInbox({ db: world.db, actor: rep, locale: "en" });
    expect(listed.messages[0]).toMatchObject({ id: message.id, title: "More documents needed", link: `/me/cases/OD-CO-${round}-ONE`, read: false, company: companyName });
    expect(listed.unreadCount).toBe(1);
  });

  it("shows a member who joins later the earlier messages, unread, and a member who leaves no longer", async () => {
    const outboxId = await enqueueForCompany(`OD-CO-${round}-JOIN`);
    await deliverOutbox({ db: world.db, now: databaseNow() });
    const message = await messageOf(outboxId);
    expect(await markInboxRead({ db: world.db, actor: rep, messageId: message.id })).toEqual({ ok: true });

    const joined = await join(newcomer);
    const seen = await listInbox({ db: world.db, actor: joined, locale: "zh-Hans" });
    expect(seen.messages).toEqual([expect.objectContaining({ id: message.id, read: false })]);
    expect(seen.unreadCount).toBe(1);
    expect(await countUnread({ db: world.db, actor: joined })).toBe(1);

    const left = await leave(agent);
    expect(await inboxIds(left)).not.toContain(message.id);
    expect(await countUnread({ db: world.db, actor: left })).toBe(0);
    expect(await markInboxRead({ db: world.db, actor: left, messageId: message.id })).toEqual({ ok: false, code: "forbidden:inbox-message" });
    expect(await world.db.select().from(inboxReads).where(and(eq(inboxReads.messageId, message.id), eq(inboxReads.userId, agent.id)))).toHaveLength(0);
  });

  it("keeps each member's read state their own, and refuses a stranger's mark without writing anything", async () => {
    const [first, second] = [await enqueueForCompany(`OD-CO-${round}-R1`), await enqueueForCompany(`OD-CO-${round}-R2`)];
    await deliverOutbox({ db: world.db, now: databaseNow() });
    const [one, two] = [await messageOf(first), await messageOf(second)];
    expect(await countUnread({ db: world.db, actor: rep })).toBe(2);

    const readAt = new Date("2026-03-02T10:00:00+08:00");
    expect(await markInboxRead({ db: world.db, actor: rep, messageId: one.id, now: readAt })).toEqual({ ok: true });
    // Marking again keeps the first time.
    expect(await markInboxRead({ db: world.db, actor: rep, messageId: one.id })).toEqual({ ok: true });
    expect(await world.db.select({ readAt: inboxReads.readAt }).from(inboxReads).where(eq(inboxReads.messageId, one.id))).toEqual([{ readAt }]);

    const repInbox = await listInbox({ db: world.db, actor: rep, locale: "en" });
    expect(repInbox.messages.map((message) => [message.id, message.read])).toEqual([
      [two.id, false],
      [one.id, true],
    ]);
    expect(repInbox.unreadCount).toBe(1);
    const agentInbox = await listInbox({ db: world.db, actor: agent, locale: "en" });
    expect(agentInbox.messages.every((message) => !message.read)).toBe(true);
    expect(agentInbox.unreadCount).toBe(2);

    expect(await markInboxRead({ db: world.db, actor: stranger, messageId: two.id })).toEqual({ ok: false, code: "forbidden:inbox-message" });
    expect(await world.db.select().from(inboxReads).where(eq(inboxReads.messageId, two.id))).toHaveLength(0);
    expect(await countUnread({ db: world.db, actor: agent })).toBe(2);
  });

  it("e-mails each member with an address once, across a failed attempt, a dead letter and its retry", async () => {
    const repEmail = `rep${round}@example.cn`;
    const agentEmail = `agent${round}@example.cn`;
    await world.db.update(users).set({ email: repEmail }).where(eq(users.id, rep.id));
    await world.db.update(users).set({ email: agentEmail }).where(eq(users.id, agent.id));
    const outboxId = await enqueueForCompany(`OD-CO-${round}-MAIL`);
    const mailer = fakeMailer();
    mailer.refuse.add(agentEmail);
    const t0 = databaseNow();

    // The rep's copy goes out; the agent's is refused: the row backs off, the rep's copy is recorded as sent.
    expect(await deliverOutbox({ db: world.db, now: t0, mailer })).toEqual({ delivered: 0, failed: 1 });
    expect(mailer.sent.map((mail) => mail.to)).toEqual([repEmail]);
    const message = await messageOf(outboxId);
    const emailed = async () =>
      (await world.db.select({ userId: inboxReads.userId, emailedAt: inboxReads.emailedAt, readAt: inboxReads.readAt }).from(inboxReads).where(eq(inboxReads.messageId, message.id))).sort((a, b) =>
        a.userId.localeCompare(b.userId),
      );
    expect(await emailed()).toEqual([{ userId: rep.id, emailedAt: t0, readAt: null }]);
    expect(await world.db.select({ attempts: outbox.attempts, lastError: outbox.lastError }).from(outbox).where(eq(outbox.id, outboxId))).toEqual([
      { attempts: 1, lastError: expect.stringContaining("450") },
    ]);
    // E-mailed is not read: both still see it unread.
    expect(await countUnread({ db: world.db, actor: rep })).toBe(1);

    // The next attempts fail too, until the row is a dead letter the administrator sees as the company's.
    await world.db.update(outbox).set({ attempts: maxDeliveryAttempts - 1 }).where(eq(outbox.id, outboxId));
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 60), mailer })).toEqual({ delivered: 0, failed: 1 });
    const listed = await listDeadLetters({ db: world.db, actor: admin });
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.deadLetters.find((letter) => letter.id === outboxId)?.recipient).toEqual({ kind: "company", name: companyName });
    expect(mailer.sent.map((mail) => mail.to)).toEqual([repEmail]);

    // Fixed and sent again: only the agent, who had no copy yet, is e-mailed; the rep not a second time.
    mailer.refuse.clear();
    expect(await retryDeadLetter({ db: world.db, actor: admin, outboxId, now: seconds(t0, 120) })).toEqual({ ok: true, id: outboxId });
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 120), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent.map((mail) => mail.to)).toEqual([repEmail, agentEmail]);
    expect(mailer.sent[1]).toMatchObject({ subject: "请补正材料", text: expect.stringContaining(`OD-CO-${round}-MAIL`) });
    expect(await emailed()).toEqual(
      [
        { userId: rep.id, emailedAt: t0, readAt: null },
        { userId: agent.id, emailedAt: seconds(t0, 120), readAt: null },
      ].sort((a, b) => a.userId.localeCompare(b.userId)),
    );

    // Even if the row came round again, nobody is e-mailed twice and no second message is written.
    await world.db.update(outbox).set({ deliveredAt: null }).where(eq(outbox.id, outboxId));
    expect(await deliverOutbox({ db: world.db, now: seconds(t0, 3600), mailer })).toEqual({ delivered: 1, failed: 0 });
    expect(mailer.sent).toHaveLength(2);
    expect(await world.db.select().from(inboxMessages).where(eq(inboxMessages.outboxId, outboxId))).toHaveLength(1);

    // Reading after the e-mail keeps the e-mail's record.
    expect(await markInboxRead({ db: world.db, actor: rep, messageId: message.id, now: seconds(t0, 4000) })).toEqual({ ok: true });
    expect((await emailed()).find((row) => row.userId === rep.id)).toEqual({ userId: rep.id, emailedAt: t0, readAt: seconds(t0, 4000) });
  });

  it("refuses an outbox row or inbox message that names both a person and a company, or neither", async () => {
    const both = world.db.insert(outbox).values({ recipientId: rep.id, companyId, topic: "task-accepted" });
    await expect(both).rejects.toThrow();
    const neither = world.db.insert(outbox).values({ topic: "task-accepted" });
    await expect(neither).rejects.toThrow();
  });
});

describe.each(testDatabaseKinds)("upgrading the inbox to per-person read state on %s", (kind) => {
  let database: TTestDatabase;
  let earlier: string;
  beforeAll(async () => {
    earlier = migrationsUpTo("0010_session_revocation");
    database = await openTestDatabase(kind, { migrationsFolder: earlier });
  });
  afterAll(async () => {
    await database?.drop();
    if (earlier) fs.rmSync(earlier, { recursive: true, force: true });
  });

  it("keeps each existing message its reader's, read and e-mailed as before", async () => {
    const { db } = database;
    const userId = "00000000-0000-4000-8000-0000000000b1";
    await db.execute(sql`insert into users (id, username, password_hash, display_name, role) values (${userId}, 'citizen', 'x', '张三', 'citizen')`);
    await db.execute(sql`insert into outbox (id, recipient_id, topic, delivered_at) overriding system value values (1, ${userId}, 'task-accepted', now()), (2, ${userId}, 'task-approved', now()), (3, ${userId}, 'task-rejected', now())`);
    const params = JSON.stringify({ caseNumber: "OD-OLD", service, reason: "材料不齐" });
    await db.execute(sql`insert into inbox_messages (id, outbox_id, user_id, topic, params, read_at, emailed_at) values
      ('00000000-0000-4000-8000-0000000000e1', 1, ${userId}, 'task-accepted', ${params}, '2026-03-01T10:00:00Z', '2026-03-01T09:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e2', 2, ${userId}, 'task-approved', ${params}, null, '2026-03-02T09:00:00Z'),
      ('00000000-0000-4000-8000-0000000000e3', 3, ${userId}, 'task-rejected', ${params}, null, null)`);

    await migrateDatabase(database);
    const reads = await db.select().from(inboxReads).orderBy(inboxReads.messageId);
    expect(reads).toEqual([
      { messageId: "00000000-0000-4000-8000-0000000000e1", userId, readAt: new Date("2026-03-01T10:00:00Z"), emailedAt: new Date("2026-03-01T09:00:00Z") },
      { messageId: "00000000-0000-4000-8000-0000000000e2", userId, readAt: null, emailedAt: new Date("2026-03-02T09:00:00Z") },
    ]);
    const actor: TActor = { id: userId, username: "citizen", displayName: "张三", role: "citizen", departmentId: null, companyIds: [] };
    const inbox = await listInbox({ db, actor, locale: "en" });
    expect(inbox.messages.map((message) => message.read).sort()).toEqual([false, false, true]);
    expect(inbox.unreadCount).toBe(2);
  });
});
