/**
 * Test databases: a fresh, migrated database per call — an in-memory PGlite, or a new PostgreSQL database created
 * next to TEST_DATABASE_URL (and dropped afterwards) — so integration tests run the same way on both paths.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type TDatabaseHandle, type TDatabaseKind } from "./client";
import { migrateDatabase, migrationsFolder } from "./migrate";

/** The databases this run tests against: always PGlite; PostgreSQL too when TEST_DATABASE_URL is set. */
export const testDatabaseKinds: TDatabaseKind[] = process.env.TEST_DATABASE_URL ? ["pglite", "postgresql"] : ["pglite"];

/** `url`: PostgreSQL's address of this database (for tools that connect themselves, such as pg_dump). */
export type TTestDatabase = TDatabaseHandle & { drop: () => Promise<void>; url?: string };

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
    url: url.toString(),
    drop: async () => {
      await handle.close();
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

/**
 * The committed migrations up to and including `lastTag`, in a folder of their own: open a database with it, write
 * rows as the earlier schema stored them, then migrate the rest to test an upgrade. The caller removes the folder.
 */
export function migrationsUpTo(lastTag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last < 0) throw new Error(`migrationsUpTo: no migration ${lastTag}`);
  const entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(folder, "meta"));
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}
