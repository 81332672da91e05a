/**
 * The actor's inbox, newest first: their own messages and those of the companies they are a member of now, each read
 * or unread for this reader alone (inbox-of.ts), rendered in the reader's language, a page at a time. Pages are keyed by
 * (created_at, id) of the last message shown (lib/http/keyset-cursor.ts), so a message arriving while the reader
 * pages never shifts a page; a cursor that is not one of ours shows the newest page.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { companies, inboxMessages, inboxReads } from "@/db/schema";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import type { Locale } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { countUnread } from "./count-unread";
import { isInboxOf, readStateOf } from "./inbox-of";
import { renderNotification } from "./render-notification";

export type TInboxItem = {
  id: string;
  title: string;
  body: string;
  /** A path on this site, or null. */
  link: string | null;
  createdAt: Date;
  read: boolean;
  /** The company the message is addressed to (a member may act for several); null for the reader's own. */
  company: string | null;
};

/** created_at in microseconds, and the id. */
const ZInboxCursor = z.tuple([ZCursorInstant, ZCursorId]);

/** Links are written by our own use cases; still, only a path on this site is ever rendered as a link. */
function sitePath(link: string | null): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : null;
}

export async function listInbox(options: { db: TDatabase; actor: TActor; locale: Locale; before?: string; limit?: number }): Promise<{
  messages: TInboxItem[];
  unreadCount: number;
  /** The cursor this page was read after, or null when it is the newest page (none given, or not one of ours). */
  before: string | null;
  /** Pass as `before` for the next, older page; null on the last page. */
  olderCursor: string | null;
}> {
  const { db, actor, locale, limit = 20 } = options;
  const cursor = decodeCursor(options.before, ZInboxCursor);
  const [rows, unreadCount] = await Promise.all([
    db
      .select({
        id: inboxMessages.id,
        topic: inboxMessages.topic,
        params: inboxMessages.params,
        link: inboxMessages.link,
        readAt: inboxReads.readAt,
        company: companies.name,
        createdAt: inboxMessages.createdAt,
        createdAtMicros: sql<string>`(extract(epoch from ${inboxMessages.createdAt}) * 1000000)::bigint::text`,
      })
      .from(inboxMessages)
      .leftJoin(inboxReads, readStateOf(actor.id))
      .leftJoin(companies, eq(companies.id, inboxMessages.companyId))
      .where(
        and(
          isInboxOf(db, actor.id),
          cursor
            ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (timestamptz 'epoch' + ${cursor[0]}::bigint * interval '1 microsecond', ${cursor[1]}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
      .limit(limit + 1),
    countUnread({ db, actor }),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    messages: page.map((row) => ({
      id: row.id,
      ...renderNotification({ topic: row.topic, params: row.params, locale }),
      link: sitePath(row.link),
      createdAt: row.createdAt,
      read: row.readAt !== null,
      company: row.company,
    })),
    unreadCount,
    before: cursor ? encodeCursor(cursor) : null,
    olderCursor: rows.length > limit && last ? encodeCursor([last.createdAtMicros, last.id]) : null,
  };
}
