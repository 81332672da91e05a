/**
 * Ends every session of one person at once, on every device: the session cookies carry the version they were issued
 * under, and loadActor refuses any other. Sign-out calls it; role, department and password changes get the same
 * from a database trigger (migration 0010), so no future writer of those can forget.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";

export async function revokeSessions({ db, userId }: { db: TDatabase; userId: string }): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
