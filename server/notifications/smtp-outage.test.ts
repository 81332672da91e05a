/**
 * The mail server is down for an hour, then comes back: every message is e-mailed after it returns, none twice.
 * A real SMTP server on a local port (smtp-server) and the portal's own mailer (nodemailer over SMTP_URL); the worker's
 * clock is injected, so the hour passes without waiting. While "down", the port answers every connection with
 * 421 (service not available), as a mail server being restarted or overloaded does.
 */
import type { AddressInfo } from "node:net";
import { inArray, isNull, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { deliverOutbox, emailCopyKey, emailLeaseMs } from "./deliver-outbox";
import { enqueueNotification } from "./enqueue-notification";
import { createMailer } from "./mailer";

type TReceived = { to: string[]; caseNumber: string; messageId: string };

/** The text of a single-part message as nodemailer writes it (base64 or quoted-printable for non-ASCII text). */
function readBody(message: string): string {
  const split = message.indexOf("\r\n\r\n");
  const headers = message.slice(0, split);
  const body = message.slice(split + 4);
  if (/^Content-Transfer-Encoding: base64$/im.test(headers)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/^Content-Transfer-Encoding: quoted-printable$/im.test(headers)) {
    const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, "%25"));
  }
  return body;
}

/** A local SMTP server that can be switched down (421 at connect) and up; it records each message it accepted. */
async function startMailServer() {
  const received: TReceived[] = [];
  const state = { down: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (state.down) return callback(Object.assign(new Error("Service not available, closing transmission channel"), { responseCode: 421 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const text = readBody(raw);
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw.slice(0, raw.indexOf("\r\n\r\n")))?.[1] ?? "";
        received.push({ to: session.envelope.rcptTo.map((address) => address.address), caseNumber: /OD-SMTP-\d+/.exec(text)?.[0] ?? "", messageId });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(testDatabaseKinds)("an SMTP outage on %s", (kind) => {
  let world: TWorld;
  let mail: Awaited<ReturnType<typeof startMailServer>>;

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    mail = await startMailServer();
  });
  afterAll(async () => {
    await mail?.close();
    await world?.drop();
  });

  it("e-mails every message once the server is back after an hour, and none twice", async () => {
    const mailer = createMailer({ SMTP_URL: `smtp://127.0.0.1:${mail.port}`, SMTP_FROM: "OneDoor <noreply@onedoor.example>" })!;
    const recipients = await world.db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ["citizen", "citizen2", "clerk-amr"]));
    for (const user of recipients) await world.db.update(users).set({ email: `${user.username}@example.cn` }).where(sql`${users.id} = ${user.id}`);
    const service = { "zh-Hans": "食品经营许可", "zh-Hant": "食品經營許可", en: "Food business licence" };
    for (let i = 1; i <= 10; i += 1) {
      await world.db.transaction((tx) =>
        enqueueNotification(tx, { recipientIds: recipients.map((user) => user.id), topic: "task-accepted", params: { caseNumber: `OD-SMTP-${i}`, service }, link: `/me/cases/OD-SMTP-${i}` }),
      );
    }
    const expected = 10 * recipients.length;

    // Down: the worker runs every minute for an hour of its clock. Inbox messages are written; no e-mail goes out.
    mail.state.down = true;
    const start = new Date();
    const minute = (n: number) => new Date(start.getTime() + n * 60_000);
    for (let n = 0; n < 60; n += 1) await deliverOutbox({ db: world.db, now: minute(n), mailer });
    expect(mail.received).toHaveLength(0);
    const waiting = await world.db.select({ id: outbox.id, attempts: outbox.attempts, deadAt: outbox.deadAt }).from(outbox).where(isNull(outbox.deliveredAt));
    expect(waiting).toHaveLength(expected);
    // Each row tried again and again, backing off, and none given up on: an hour is well within the retry budget.
    expect(waiting.every((row) => row.attempts >= 3 && row.deadAt === null)).toBe(true);

    // Back: the worker keeps running each minute; within the longest back-off plus a lease everything goes out.
    mail.state.down = false;
    for (let n = 60; n < 60 + 60 + emailLeaseMs / 60_000 + 1; n += 1) await deliverOutbox({ db: world.db, now: minute(n), mailer });
    expect(mail.received).toHaveLength(expected);
    const perAddressAndCase = new Set(mail.received.map((message) => `${message.to.join(",")} ${message.caseNumber}`));
    expect(perAddressAndCase.size).toBe(expected);
    expect(mail.received.every((message) => message.to.length === 1 && message.caseNumber !== "")).toBe(true);
    // Each copy carries the Message-ID made of its outbox row and person, one a copy.
    const rows = await world.db.select({ id: outbox.id, recipientId: outbox.recipientId }).from(outbox);
    const expectedIds = rows.map((row) => `<${emailCopyKey(row.id, row.recipientId!)}@onedoor.example>`);
    expect(mail.received.map((message) => message.messageId).sort()).toEqual(expectedIds.sort());
    expect(await world.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.deliveredAt))).toEqual([]);

    // And later rounds send nothing again.
    for (let n = 200; n < 210; n += 1) await deliverOutbox({ db: world.db, now: minute(n), mailer });
    expect(mail.received).toHaveLength(expected);
  });
});
