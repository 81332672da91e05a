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
import { z } from "zod";
import { noteDatabaseFailure, watchDatabase } from "./availability";
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
  /** PostgreSQL: asks `select 1` over a connection apart from the pool (db/availability.ts). */
  probe?: () => Promise<unknown>;
};

export type TOpenOptions =
  | {
      kind: "postgresql";
      url: string;
      poolSize?: number;
      /** How long opening one connection may take before it fails (0: no limit). */
      connectTimeoutMs?: number;
      /** How long one statement may run before PostgreSQL cancels it (0: no limit, as migrations need). */
      statementTimeoutMs?: number;
    }
  | { kind: "pglite"; dataDir: string }
  /** A throw-away in-memory PGlite, for tests. */
  | { kind: "pglite-memory" };

export function openDatabase(options: TOpenOptions): TDatabaseHandle {
  if (options.kind === "postgresql") {
    const { connectTimeoutMs = defaultConnectTimeoutMs, statementTimeoutMs = defaultStatementTimeoutMs } = options;
    // The connect timeout is given to each new connection, not to the pool: pg-pool would also apply it to waiting
    // for a busy pool's free connection, turning a burst of traffic into errors.
    class TimedClient extends pg.Client {
      constructor(config?: pg.ClientConfig) {
        super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
      }
    }
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      Client: TimedClient,
      // PostgreSQL cancels a statement that runs too long; if the network is gone, nothing comes back at all, so
      // the client gives up a moment after the server would have.
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 5_000 } : {}),
      // Notice a connection whose other end vanished without closing it (a failover, a dropped network).
      keepAlive: true,
    });
    // An idle connection that dies (database restart, failover) must not take the server down; the pool
    // replaces it on next use.
    pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
    // Whether PostgreSQL answers is asked over a connection of its own: through the pool, the question would wait
    // behind a burst of requests, and a busy portal would pass for an unreachable database.
    let probePool: pg.Pool | undefined;
    const probe = () => {
      probePool ??= new pg.Pool({
        connectionString: options.url,
        max: 1,
        Client: TimedClient,
        connectionTimeoutMillis: connectTimeoutMs || defaultConnectTimeoutMs,
        query_timeout: 2_000,
        keepAlive: true,
      });
      probePool.on("error", noteDatabaseFailure);
      return probePool.query("select 1");
    };
    const db = drizzlePostgres({ client: pool, schema }) as unknown as TDatabase;
    return { db, kind: "postgresql", close: async () => void (await Promise.all([pool.end(), probePool?.end()])), pool, probe };
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

/**
 * A healthy PostgreSQL on the same network accepts a connection in milliseconds (a TLS handshake across zones in
 * well under 100 ms); 2 s leaves room for a busy server, and a request that cannot connect fails, instead of
 * waiting for the operating system to give up on an unreachable host (over two minutes).
 */
export const defaultConnectTimeoutMs = 2_000;
/**
 * The portal's statements take milliseconds (docs/BENCHMARKS.md; the heaviest, the statistics aggregations, well
 * under a second on the benchmark data). 15 s stops a runaway statement from holding one of the pool's few
 * connections and its locks for minutes, while leaving a wide margin for a slow disk; it is below the 60 s after
 * which a reverse proxy usually gives up, so the reader gets the portal's own error page rather than a gateway's.
 */
export const defaultStatementTimeoutMs = 15_000;

const ZMilliseconds = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds` })
    .int(`${name} must be a whole number of milliseconds`)
    .min(0, `${name} must be 0 (no limit) or more`)
    .default(fallback);
const ZDatabaseEnv = z.object({
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1, "DATABASE_POOL_SIZE must be at least 1").default(10),
  DATABASE_CONNECT_TIMEOUT_MS: ZMilliseconds("DATABASE_CONNECT_TIMEOUT_MS", defaultConnectTimeoutMs),
  DATABASE_STATEMENT_TIMEOUT_MS: ZMilliseconds("DATABASE_STATEMENT_TIMEOUT_MS", defaultStatementTimeoutMs),
});

/** Where the configuration says the database is, and how long to wait for it. A bad value fails with its name. */
export function databaseOptionsFromEnv(env: Record<string, string | undefined> = process.env): TOpenOptions {
  if (env.DATABASE_URL) {
    const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
    const parsed = ZDatabaseEnv.safeParse(blankAsUnset);
    if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
    return {
      kind: "postgresql",
      url: env.DATABASE_URL,
      poolSize: parsed.data.DATABASE_POOL_SIZE,
      connectTimeoutMs: parsed.data.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: parsed.data.DATABASE_STATEMENT_TIMEOUT_MS,
    };
  }
  return { kind: "pglite", dataDir: env.DATA_DIR || ".data" };
}

const globalForDb = globalThis as typeof globalThis & { __onedoorDatabase?: TDatabaseHandle };

/** The process's database handle, opened on first use. */
export function getDatabaseHandle(): TDatabaseHandle {
  if (!globalForDb.__onedoorDatabase) {
    const handle = openDatabase(databaseOptionsFromEnv());
    if (handle.pool && handle.probe) {
      // The server's view of whether PostgreSQL answers (db/availability.ts): a lost idle connection says it may not.
      handle.pool.on("error", noteDatabaseFailure);
      watchDatabase(handle.probe);
    }
    globalForDb.__onedoorDatabase = handle;
  }
  return globalForDb.__onedoorDatabase;
}

export function getDb(): TDatabase {
  return getDatabaseHandle().db;
}
