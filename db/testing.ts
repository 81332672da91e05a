/**
 * Test databases: a fresh, migrated database per call — an in-memory PGlite, or a new PostgreSQL database created
 * next to TEST_DATABASE_URL (and dropped afterwards) — so integration tests run the same way on both paths.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type TDatabaseHandle, type TDatabaseKind } from "./client";
import { migrateDatabase } from "./migrate";

/** The databases this run tests against: always PGlite; PostgreSQL too when TEST_DATABASE_URL is set. */
export const testDatabaseKinds: TDatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

export type TTestDatabase = TDatabaseHandle & { drop: () => Promise<void> };

/** `migrationsFolder`: migrate with an earlier set instead (to test an upgrade); the default is the committed set. */
export async function openTestDatabase(kind: TDatabaseKind, options: { poolSize?: number; migrationsFolder?: string } = {}): Promise<TTestDatabase> {
  if (kind === "pglite") {
    const handle = openDatabase({ kind: "pglite-memory" });
    await migrateDatabase(handle, options.migrationsFolder);
    return { ...handle, drop: handle.close };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `onedoor_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ kind: "postgresql", url: url.toString(), poolSize: options.poolSize ?? 10 });
  await migrateDatabase(handle, options.migrationsFolder);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}
