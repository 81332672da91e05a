/**
 * A notification whose e-mailed copy a mail server refused at every attempt: a dead letter for /admin/outbox to
 * show (`npm run demo:cases`, the admin journey). Made by the real outbox worker, round after round from 16 hours
 * ago, against a mailer that refuses the address, so it looks exactly as one made by a broken mail server would.
 * `toCompany`: the notification is the company's of which `username` is a member (its copy to them refused).
 */
import { and, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { companyMembers, outbox, users } from "@/db/schema";
import { deliverOutbox, maxDeliveryAttempts } from "@/server/notifications/deliver-outbox";
import type { TMailer } from "@/server/notifications/mailer";

export async function seedDeadLetter(
  db: TDatabase,
  { username, email, caseNumber, service, toCompany = false }: { username: string; email: string; caseNumber: string; service: TLocalizedText; toCompany?: boolean },
): Promise<number> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`seedDeadLetter: no user ${username}`);
  const [membership] = toCompany ? await db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, user.id)).limit(1) : [];
  if (toCompany && !membership) throw new Error(`seedDeadLetter: ${username} is a member of no company`);
  await db.update(users).set({ email }).where(eq(users.id, user.id));
  const start = new Date(Date.now() - 16 * 60 * 60_000);
  const [row] = await db
    .insert(outbox)
    .values({
      ...(membership ? { companyId: membership.companyId } : { recipientId: user.id }),
      topic: "task-accepted",
      params: { caseNumber, service },
      link: `/me/cases/${caseNumber}`,
      createdAt: start,
      nextAttemptAt: start,
    })
    .returning({ id: outbox.id });
  const refusing: TMailer = {
    send: async (mail) => {
      throw new Error(`Can't send mail - all recipients were rejected: 550 5.1.1 <${mail.to}>: Recipient address rejected: User unknown`);
    },
  };
  for (let attempt = 0; attempt < maxDeliveryAttempts; attempt++) {
    const [current] = await db.select({ at: outbox.nextAttemptAt }).from(outbox).where(eq(outbox.id, row.id));
    await deliverOutbox({ db, now: current.at, mailer: refusing });
  }
  const [dead] = await db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.id, row.id), sql`${outbox.deadAt} is not null`));
  if (!dead) throw new Error("seedDeadLetter: the notification did not become a dead letter");
  return dead.id;
}
