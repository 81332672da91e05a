/** The reader marks one of their own inbox messages read. Marking it again keeps the first time it was read. */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { inboxMessages } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";

export async function markInboxRead(options: { db: TDatabase; actor: TActor; messageId: string; now?: Date }): Promise<{ ok: true } | TAppError> {
  const { db, actor, messageId, now = new Date() } = options;
  if (!z.uuid().safeParse(messageId).success) return fail("not-found:inbox-message");
  const [message] = await db.select({ userId: inboxMessages.userId }).from(inboxMessages).where(eq(inboxMessages.id, messageId));
  if (!message) return fail("not-found:inbox-message");
  if (message.userId !== actor.id) return fail("forbidden:inbox-message");
  await db
    .update(inboxMessages)
    .set({ readAt: now })
    .where(and(eq(inboxMessages.id, messageId), eq(inboxMessages.userId, actor.id), isNull(inboxMessages.readAt)));
  return { ok: true };
}
