/**
 * The database's settings: where it is (DATABASE_URL, else PGlite under DATA_DIR) and how long to wait for it.
 *
 * They are checked here, beside the code that opens the database, because db/ imports nothing from server/ and
 * scripts open the database with them before any server module runs. server/env.ts takes this schema into the one
 * check of every setting at start-up, so a bad value stops the server with its name like any other; nothing else
 * reads these variables.
 */
import { z } from "zod";

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

/** An empty setting (`DATABASE_URL=` in a compose file) counts as unset. */
const blankAsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema);

const ZMilliseconds = (name: string, fallback: number) =>
  blankAsUnset(
    z.coerce
      .number({ error: `${name} must be a number of milliseconds` })
      .int(`${name} must be a whole number of milliseconds`)
      .min(0, `${name} must be 0 (no limit) or more`)
      .default(fallback),
  );

export const ZDatabaseEnv = z.object({
  /** PostgreSQL's address; unset: the embedded database (PGlite) under DATA_DIR. */
  DATABASE_URL: blankAsUnset(z.string().optional()),
  /**
   * A read-only PostgreSQL (a streaming replica) for the reports that read much and may lag a moment: the
   * supervision figures, the public statistics and open data, the CSV exports. Unset: they read DATABASE_URL.
   */
  DATABASE_READ_URL: blankAsUnset(z.string().optional()),
  /** The embedded database, uploaded files and generated secrets (the auth secret, licence keys). */
  DATA_DIR: blankAsUnset(z.string().default(".data")),
  DATABASE_POOL_SIZE: blankAsUnset(z.coerce.number().int().min(1, "DATABASE_POOL_SIZE must be at least 1").default(10)),
  /** How long opening one PostgreSQL connection may take (0: no limit). */
  DATABASE_CONNECT_TIMEOUT_MS: ZMilliseconds("DATABASE_CONNECT_TIMEOUT_MS", defaultConnectTimeoutMs),
  /** How long one statement may run before PostgreSQL cancels it (0: no limit). */
  DATABASE_STATEMENT_TIMEOUT_MS: ZMilliseconds("DATABASE_STATEMENT_TIMEOUT_MS", defaultStatementTimeoutMs),
});

/** A read replica is of a PostgreSQL primary: the embedded database has none. Checked here and by server/env.ts. */
export const readReplicaNeedsPrimary = {
  check: (settings: { DATABASE_URL?: string; DATABASE_READ_URL?: string }) => !settings.DATABASE_READ_URL || Boolean(settings.DATABASE_URL),
  message: "needs DATABASE_URL: a read replica is of a PostgreSQL primary, and the embedded database has none",
};
export type TDatabaseEnv = z.infer<typeof ZDatabaseEnv>;

export type TOpenOptions =
  | {
      kind: "postgresql";
      url: string;
      poolSize?: number;
      /** How long opening one connection may take before it fails (0: no limit). */
      connectTimeoutMs?: number;
      /** How long one statement may run before PostgreSQL cancels it (0: no limit, as migrations need). */
      statementTimeoutMs?: number;
      /** Every transaction read-only (default_transaction_read_only): a report cannot write, even to a primary. */
      readOnly?: boolean;
    }
  | { kind: "pglite"; dataDir: string }
  /** A throw-away in-memory PGlite, for tests. */
  | { kind: "pglite-memory" };

/** The database the settings name. */
export function databaseOptionsOf(settings: TDatabaseEnv): TOpenOptions {
  if (!settings.DATABASE_URL) return { kind: "pglite", dataDir: settings.DATA_DIR };
  return {
    kind: "postgresql",
    url: settings.DATABASE_URL,
    poolSize: settings.DATABASE_POOL_SIZE,
    connectTimeoutMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/** The read-only database the settings name (DATABASE_READ_URL), or null when the reports read the primary. */
export function readDatabaseOptionsOf(settings: TDatabaseEnv): TOpenOptions | null {
  if (!settings.DATABASE_READ_URL) return null;
  return {
    kind: "postgresql",
    url: settings.DATABASE_READ_URL,
    poolSize: settings.DATABASE_POOL_SIZE,
    connectTimeoutMs: settings.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS,
    readOnly: true,
  };
}

function parseDatabaseEnv(env: Record<string, string | undefined>): TDatabaseEnv {
  const parsed = ZDatabaseEnv.refine(readReplicaNeedsPrimary.check, { path: ["DATABASE_READ_URL"], message: `DATABASE_READ_URL ${readReplicaNeedsPrimary.message}` }).safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`);
  return parsed.data;
}

/** Where the environment (process.env by default) says the database is. A bad value fails with its name. */
export function databaseOptionsFromEnv(env: Record<string, string | undefined> = process.env): TOpenOptions {
  return databaseOptionsOf(parseDatabaseEnv(env));
}

/** Where the environment says the reports' read-only database is; null: they read the primary. */
export function readDatabaseOptionsFromEnv(env: Record<string, string | undefined> = process.env): TOpenOptions | null {
  return readDatabaseOptionsOf(parseDatabaseEnv(env));
}
