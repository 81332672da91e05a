/**
 * An administrator sends a dead letter again: it becomes due at once with a fresh set of attempts, and the outbox
 * worker delivers it like any other row (its inbox message is never written twice; an e-mail already sent is not
 * sent again). Only a row that is a dead letter now can be retried, once: a second click, or a colleague's, finds
 * nothing to retry.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { outbox } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

const ZOutboxId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export async function retryDeadLetter({ db, actor, outboxId, now = new Date() }: { db: TDatabase; actor: TActor; outboxId: unknown; now?: Date }): Promise<TResult<{ id: number }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const id = ZOutboxId.safeParse(outboxId);
  if (!id.success) return fail("not-found:dead-letter");
  const retried = await db
    .update(outbox)
    .set({ deadAt: null, attempts: 0, nextAttemptAt: now })
    .where(and(eq(outbox.id, id.data), isNotNull(outbox.deadAt), isNull(outbox.deliveredAt)))
    .returning({ id: outbox.id });
  if (retried.length === 0) return fail("not-found:dead-letter");
  return { ok: true, id: id.data };
}
