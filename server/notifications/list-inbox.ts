/**
 * The actor's own inbox, newest first, rendered in the reader's language, a page at a time. Pages are keyed by
 * (created_at, id) of the last message shown, so a message arriving while the reader pages never shifts a page.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { inboxMessages } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { countUnread } from "./count-unread";
import { renderNotification } from "./render-notification";

export type TInboxItem = {
  id: string;
  title: string;
  body: string;
  /** A path on this site, or null. */
  link: string | null;
  createdAt: Date;
  read: boolean;
};

// The cursor carries created_at as PostgreSQL's own text, which keeps the microseconds a JavaScript Date would drop
// (two messages in one millisecond must not be skipped or shown twice).
const ZCursor = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/), z.uuid()]);

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Links are written by our own use cases; still, only a path on this site is ever rendered as a link. */
function sitePath(link: string | null): string | null {
  return link && link.startsWith("/") && !link.startsWith("//") ? link : null;
}

export async function listInbox(options: { db: TDatabase; actor: TActor; locale: Locale; before?: string; limit?: number }): Promise<{
  messages: TInboxItem[];
  unreadCount: number;
  /** Pass as `before` for the next, older page; null on the last page. */
  olderCursor: string | null;
}> {
  const { db, actor, locale, limit = 20 } = options;
  const cursor = decodeCursor(options.before);
  const [rows, unreadCount] = await Promise.all([
    db
      .select({
        id: inboxMessages.id,
        topic: inboxMessages.topic,
        params: inboxMessages.params,
        link: inboxMessages.link,
        readAt: inboxMessages.readAt,
        createdAt: inboxMessages.createdAt,
        createdAtText: sql<string>`${inboxMessages.createdAt}::text`,
      })
      .from(inboxMessages)
      .where(
        and(
          eq(inboxMessages.userId, actor.id),
          cursor ? sql`(${inboxMessages.createdAt}, ${inboxMessages.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : undefined,
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
    })),
    unreadCount,
    olderCursor: rows.length > limit && last ? encodeCursor(last.createdAtText, last.id) : null,
  };
}
