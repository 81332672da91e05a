/**
 * The reader marks one of their inbox messages read: their own, or one of a company they are a member of now. The
 * mark is theirs alone; the company's other members still see it unread. Marking it again keeps the first time.
 */
import { eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { inboxMessages, inboxReads } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { isInboxOf } from "./inbox-of";

export async function markInboxRead(options: { db: TDatabase; actor: TActor; messageId: string; now?: Date }): Promise<{ ok: true } | TAppError> {
  const { db, actor, messageId, now = new Date() } = options;
  if (!z.uuid().safeParse(messageId).success) return fail("not-found:inbox-message");
  const [message] = await db
    .select({ mine: sql<boolean>`coalesce(${isInboxOf(db, actor.id)}, false)` })
    .from(inboxMessages)
    .where(eq(inboxMessages.id, messageId));
  if (!message) return fail("not-found:inbox-message");
  if (!message.mine) return fail("forbidden:inbox-message");
  await db
    .insert(inboxReads)
    .values({ messageId, userId: actor.id, readAt: now })
    .onConflictDoUpdate({ target: [inboxReads.messageId, inboxReads.userId], set: { readAt: now }, setWhere: isNull(inboxReads.readAt) });
  return { ok: true };
}
