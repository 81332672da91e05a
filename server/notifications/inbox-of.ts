/**
 * Which inbox messages are a person's: their own, and those of every company they are a member of now (decision
 * 022). Membership is read in the query, so a member who joined after a message sees it and one who left does not.
 * Read state is always the person's own inbox_reads row, joined by `readStateOf`.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companyMembers, inboxMessages, inboxReads } from "@/db/schema";

export function isInboxOf(db: TDatabase, userId: string) {
  return or(
    eq(inboxMessages.userId, userId),
    inArray(inboxMessages.companyId, db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, userId))),
  )!;
}

/** The join condition for the reader's own inbox_reads row of a message (left join: no row is unread). */
export function readStateOf(userId: string) {
  return and(eq(inboxReads.messageId, inboxMessages.id), eq(inboxReads.userId, userId));
}
