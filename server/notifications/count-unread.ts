/** How many of the actor's own inbox messages are unread, for the header's inbox link. */
import { and, count, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { inboxMessages } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

export async function countUnread({ db, actor }: { db: TDatabase; actor: TActor }): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(inboxMessages)
    .where(and(eq(inboxMessages.userId, actor.id), isNull(inboxMessages.readAt)));
  return row?.count ?? 0;
}
