/**
 * A seeded world for integration tests: a fresh migrated database (PGlite or PostgreSQL) with the demo seed, and a
 * way to act as each of the demo accounts.
 */
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { openTestDatabase } from "@/db/testing";
import type { TDatabaseKind } from "@/db/client";
import { seedDemo } from "@/seed/seed-demo";
import { loadActor, type TActor } from "@/server/auth/actor";

export async function openSeededWorld(kind: TDatabaseKind, options: { poolSize?: number } = {}) {
  const database = await openTestDatabase(kind, options);
  await seedDemo(database.db);
  async function actorOf(username: string): Promise<TActor> {
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!user) throw new Error(`no user ${username}`);
    return (await loadActor(database.db, user.id))!;
  }
  return { ...database, actorOf };
}
export type TWorld = Awaited<ReturnType<typeof openSeededWorld>>;
