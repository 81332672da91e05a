/**
 * For /admin/outbox: the notifications that could not be delivered after the last attempt (dead letters), newest
 * first, as an administrator may see them — the recipient's name and e-mail address masked, the role shown, the
 * recorded error (already free of personal data, describe-delivery-error.ts) — and how many there are in all.
 */
import { count, desc, eq, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { outbox, users, type TRole } from "@/db/schema";
import { maskEmail, maskName } from "@/lib/identifiers/mask";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

export type TDeadLetter = {
  id: number;
  recipient: { name: string; role: TRole; email: string | null };
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
        topic: outbox.topic,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
        createdAt: outbox.createdAt,
        deadAt: outbox.deadAt,
      })
      .from(outbox)
      .innerJoin(users, eq(users.id, outbox.recipientId))
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
      recipient: { name: maskName(row.name), role: row.role, email: row.email ? maskEmail(row.email) : null },
      topic: row.topic,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      deadAt: row.deadAt!,
    })),
  };
}
