import { describe, expect, it } from "vitest";
import { databaseOptionsFromEnv, defaultConnectTimeoutMs, defaultStatementTimeoutMs } from "./database-env";

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
});
