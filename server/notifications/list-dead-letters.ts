/**
 * For /admin/outbox: the notifications that could not be delivered after the last attempt (dead letters), newest
 * first, as an administrator may see them — a person recipient's name and e-mail address masked, the role shown, or a
 * company recipient's name (public, as registered), the recorded error (already free of personal data,
 * describe-delivery-error.ts) — and how many there are in all.
 */
import { count, desc, eq, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies, outbox, users, type TRole } from "@/db/schema";
import { maskEmail, maskName } from "@/lib/identifiers/mask";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

export type TDeadLetter = {
  id: number;
  recipient: { kind: "person"; name: string; role: TRole; email: string | null } | { kind: "company"; name: string };
  topic: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
};

export async function listDeadLetters({ db, actor, limit = 100 }: { db: TDatabase; actor: TActor; limit?: number }): Promise<TResult<{ deadLetters: TDeadLetter[]; total: number }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        name: users.displayName,
        role: users.role,
        email: users.email,
        companyName: companies.name,
        topic: outbox.topic,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        createdAt: outbox.createdAt,
        deadAt: outbox.deadAt,
      })
      .from(outbox)
      .leftJoin(users, eq(users.id, outbox.recipientId))
      .leftJoin(companies, eq(companies.id, outbox.companyId))
      .where(isNotNull(outbox.deadAt))
      .orderBy(desc(outbox.deadAt), desc(outbox.id))
      .limit(limit),
    db.select({ total: count() }).from(outbox).where(isNotNull(outbox.deadAt)),
  ]);
  return {
    ok: true,
    total: Number(total),
    deadLetters: rows.map((row) => ({
      id: row.id,
      recipient:
        row.companyName !== null
          ? { kind: "company" as const, name: row.companyName }
          : { kind: "person" as const, name: maskName(row.name ?? ""), role: row.role!, email: row.email ? maskEmail(row.email) : null },
      topic: row.topic,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      deadAt: row.deadAt!,
    })),
  };
}
