/**
 * Deletes the drafts whose expiry has passed, so their answers do not
 * linger. Run by the outbox worker's loop (server/notifications/start-outbox-worker.ts) with the overdue sweep, so
 * no page view ever writes: /me and the wizard only leave expired drafts out, or say that one expired.
 * Several replicas may purge at once; a row deleted by one is simply not there for the other.
 */
import { lte } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { drafts } from "@/db/schema";

export async function purgeExpiredDrafts(options: { db: TDatabase; now?: Date }): Promise<{ deleted: number }> {
  const { db } = options;
  const now = options.now ?? new Date();
  const deleted = await db.delete(drafts).where(lte(drafts.expiresAt, now)).returning({ id: drafts.id });
  return { deleted: deleted.length };
}
