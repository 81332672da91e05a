/**
 * The database: PGlite (embedded PostgreSQL) under DATA_DIR when DATABASE_URL is unset, PostgreSQL when it is set.
 * One schema, one set of migrations, both paths tested. The settings are read and checked by db/database-env.ts.
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
import { noteDatabaseFailure, watchDatabase } from "./availability";
import { acquireDataDirLock } from "./data-dir-lock";
import { parseOnceForDrizzle } from "./pglite-parsers";
import { databaseOptionsFromEnv, defaultConnectTimeoutMs, defaultStatementTimeoutMs, readDatabaseOptionsFromEnv, type TOpenOptions } from "./database-env";
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

export function openDatabase(options: TOpenOptions): TDatabaseHandle {
  if (options.kind === "postgresql") {
    const { connectTimeoutMs = defaultConnectTimeoutMs, statementTimeoutMs = defaultStatementTimeoutMs, readOnly = false } = options;
    // The connect timeout is given to each new connection, not to the pool: pg-pool would also apply it to waiting
    // for a busy pool's free connection, turning a burst of traffic into errors.
    class TimedClient extends pg.Client {
      constructor(config?: pg.ClientConfig) {
        super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
        // A connection lost while checked out — a transaction between two statements when PostgreSQL restarts — is
        // reported on the client, where the pool listens only while the client is idle: unheard, that event ended
        // the process (scripts/faults/postgresql-restart.test.ts). The statement under way, or the next one on this
        // client, fails with it anyway, and the pool discards the client; here the outage is only noted.
        this.on("error", (error) => void noteDatabaseFailure(error));
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
      // Set at connect. JIT off: the portal's statements run for milliseconds, and PostgreSQL's JIT compiler, which
      // the reports' large cost estimates (joins on a generated calendar series) switch on, spent 1.5 s compiling a
      // dashboard query that runs in 80 ms (100,000 seed:load cases). Read-only for the reports' pool, so that none
      // of its statements can write, whichever server the address leads to.
      options: `-c jit=off${readOnly ? " -c default_transaction_read_only=on" : ""}`,
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
    const client = parseOnceForDrizzle(new PGlite());
    const db = drizzlePglite({ client, schema }) as unknown as TDatabase;
    return { db, kind: "pglite", close: () => client.close(), pglite: client };
  }
  const release = acquireDataDirLock(options.dataDir);
  const client = parseOnceForDrizzle(new PGlite(path.join(path.resolve(options.dataDir), "pglite")));
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

const globalForDb = globalThis as typeof globalThis & { __onedoorDatabase?: TDatabaseHandle; __onedoorReadDatabase?: TDatabaseHandle | null };

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

/**
 * The database the reports read (supervision figures, public statistics, open data, CSV exports): the read-only
 * replica DATABASE_READ_URL names, else the primary. Only what may lag a moment reads it: a page that shows work
 * someone acts on (queues, extension requests, the deadline watch) reads the primary, so it never offers what was
 * just done.
 */
export function getReadDb(): TDatabase {
  if (globalForDb.__onedoorReadDatabase === undefined) {
    const options = readDatabaseOptionsFromEnv();
    const handle = options ? openDatabase(options) : null;
    handle?.pool?.on("error", (error) => console.error(`[db] idle read-only PostgreSQL connection lost: ${error.message}`));
    globalForDb.__onedoorReadDatabase = handle;
  }
  return globalForDb.__onedoorReadDatabase?.db ?? getDb();
}
