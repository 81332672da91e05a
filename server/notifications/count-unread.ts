/** How many of the actor's inbox messages (their own and their companies') they have not read, for the header's inbox link. */
import { and, count, isNull } from "drizzle-orm";
import { cache } from "react";
import type { TDatabase } from "@/db/client";
import { inboxMessages, inboxReads } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { isInboxOf, readStateOf } from "./inbox-of";

export async function countUnread({ db, actor }: { db: TDatabase; actor: TActor }): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(inboxMessages)
    .leftJoin(inboxReads, readStateOf(actor.id))
    .where(and(isInboxOf(db, actor.id), isNull(inboxReads.readAt)));
  return row?.count ?? 0;
}

/**
 * The same, asked once per request however many places show it (the header on every page, and /me's own link):
 * React's cache() keeps the answer for the request being rendered, keyed by the database and the actor object
 * (getActor's, itself one per request).
 */
export const countUnreadOnce = cache((db: TDatabase, actor: TActor) => countUnread({ db, actor }));
