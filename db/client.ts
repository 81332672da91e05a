/**
 * The database: PGlite (embedded PostgreSQL) under DATA_DIR when DATABASE_URL is unset, PostgreSQL when it is set.
 * One schema, one set of migrations, both paths tested.
 *
 * The client is created lazily on first use, never at import, so `next build` never opens the database.
 * It is kept on globalThis because Next.js may evaluate this module more than once in one server process,
 * and a second PGlite instance on the same directory would corrupt it.
 */
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import { acquireDataDirLock } from "./data-dir-lock";
import * as schema from "./schema";

export type TSchema = typeof schema;
/** Either driver's database, or a transaction of it: use cases take this and do not care which. */
export type TDatabase = PgDatabase<PgQueryResultHKT, TSchema>;
export type TDatabaseKind = "pglite" | "postgresql";

export type TDatabaseHandle = {
  db: TDatabase;
  kind: TDatabaseKind;
  close: () => Promise<void>;
  /** The PostgreSQL pool, for work that needs one connection to itself (session-level advisory locks). */
  pool?: pg.Pool;
  /** The embedded client, for the same reason (benchmarks compare against raw SQL on it). */
  pglite?: PGlite;
};

export type TOpenOptions =
  | { kind: "postgresql"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  /** A throw-away in-memory PGlite, for tests. */
  | { kind: "pglite-memory" };

export function openDatabase(options: TOpenOptions): TDatabaseHandle {
  if (options.kind === "postgresql") {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection that dies (database restart, failover) must not take the server down; the pool
    // replaces it on next use.
    pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePostgres({ client: pool, schema }) as unknown as TDatabase;
    return { db, kind: "postgresql", close: () => pool.end(), pool };
  }
  if (options.kind === "pglite-memory") {
    const client = new PGlite();
    const db = drizzlePglite({ client, schema }) as unknown as TDatabase;
    return { db, kind: "pglite", close: () => client.close(), pglite: client };
  }
  const release = acquireDataDirLock(options.dataDir);
  const client = new PGlite(path.join(path.resolve(options.dataDir), "pglite"));
  const db = drizzlePglite({ client, schema }) as unknown as TDatabase;
  return {
    db,
    kind: "pglite",
    pglite: client,
    close: async () => {
      await client.close();
      release();
    },
  };
}

/** Where the configuration says the database is. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): TOpenOptions {
  if (env.DATABASE_URL) {
    return { kind: "postgresql", url: env.DATABASE_URL, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) };
  }
  return { kind: "pglite", dataDir: env.DATA_DIR || ".data" };
}

const globalForDb = globalThis as typeof globalThis & { __onedoorDatabase?: TDatabaseHandle };

/** The process's database handle, opened on first use. */
export function getDatabaseHandle(): TDatabaseHandle {
  globalForDb.__onedoorDatabase ??= openDatabase(databaseOptionsFromEnv());
  return globalForDb.__onedoorDatabase;
}

export function getDb(): TDatabase {
  return getDatabaseHandle().db;
}
