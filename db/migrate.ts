/** Applies the committed migrations (db/migrations, made by `drizzle-kit generate`) to a database. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { drizzle } from "drizzle-orm/node-postgres";
import type { TDatabaseHandle } from "./client";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Any constant works; it only has to be the same for every replica so that two never migrate at once.
const MIGRATION_LOCK_KEY = 741_620_260;

/** `folder` is for tests that upgrade a database from an earlier set of migrations. */
export async function migrateDatabase(handle: TDatabaseHandle, folder: string = migrationsFolder): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: folder });
    return;
  }
  // Several app replicas may start together against one PostgreSQL: serialize them on one connection
  // (a session-level advisory lock belongs to the connection that took it).
  const client = await handle.pool!.connect();
  try {
    const db = drizzle({ client });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db, { migrationsFolder: folder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}
