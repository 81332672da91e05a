import { describe, expect, it } from "vitest";
import { databaseOptionsFromEnv, defaultConnectTimeoutMs, defaultStatementTimeoutMs, readDatabaseOptionsFromEnv } from "./database-env";

describe("the database's settings", () => {
  it("reads its timeouts from the environment, with the documented defaults, and refuses a bad value by name", () => {
    expect(databaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor" })).toMatchObject({
      connectTimeoutMs: defaultConnectTimeoutMs,
      statementTimeoutMs: defaultStatementTimeoutMs,
      poolSize: 10,
    });
    expect(defaultConnectTimeoutMs).toBe(2_000);
    expect(defaultStatementTimeoutMs).toBe(15_000);
    expect(
      databaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor", DATABASE_CONNECT_TIMEOUT_MS: "500", DATABASE_STATEMENT_TIMEOUT_MS: "0" }),
    ).toMatchObject({ connectTimeoutMs: 500, statementTimeoutMs: 0 });
    expect(() => databaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor", DATABASE_STATEMENT_TIMEOUT_MS: "soon" })).toThrowError(
      /DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds/,
    );
  });

  it("opens the embedded database under DATA_DIR when DATABASE_URL is unset or empty", () => {
    expect(databaseOptionsFromEnv({})).toEqual({ kind: "pglite", dataDir: ".data" });
    expect(databaseOptionsFromEnv({ DATABASE_URL: "", DATA_DIR: "/srv/onedoor" })).toEqual({ kind: "pglite", dataDir: "/srv/onedoor" });
  });

  it("opens a read-only replica for the reports only when DATABASE_READ_URL is set, and only beside PostgreSQL", () => {
    expect(readDatabaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor" })).toBeNull();
    expect(readDatabaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor", DATABASE_READ_URL: "" })).toBeNull();
    expect(readDatabaseOptionsFromEnv({ DATABASE_URL: "postgresql://db/onedoor", DATABASE_READ_URL: "postgresql://replica/onedoor", DATABASE_POOL_SIZE: "4" })).toEqual({
      kind: "postgresql",
      url: "postgresql://replica/onedoor",
      poolSize: 4,
      connectTimeoutMs: defaultConnectTimeoutMs,
      statementTimeoutMs: defaultStatementTimeoutMs,
      readOnly: true,
    });
    expect(() => readDatabaseOptionsFromEnv({ DATABASE_READ_URL: "postgresql://replica/onedoor" })).toThrowError(/DATABASE_READ_URL needs DATABASE_URL/);
    expect(() => databaseOptionsFromEnv({ DATABASE_READ_URL: "postgresql://replica/onedoor" })).toThrowError(/DATABASE_READ_URL needs DATABASE_URL/);
  });
});
