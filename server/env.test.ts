import { describe, expect, it } from "vitest";
import { parseEnv, readLogLevel } from "./env";

const postgresql = "postgresql://onedoor@db.internal:5432/onedoor";

describe("the environment", () => {
  it("refuses production on PostgreSQL without PUBLIC_BASE_URL, saying why and what to set", () => {
    for (const PUBLIC_BASE_URL of [undefined, ""]) {
      expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL })).toThrowError(
        /PUBLIC_BASE_URL: must be set in production .*would otherwise point at localhost.*PUBLIC_BASE_URL=https:\/\/onedoor\.example\.gov\.cn/,
      );
    }
  });

  it("takes PUBLIC_BASE_URL in production as the origin it names", () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL: "https://onedoor.example.gov.cn" });
    expect(env.PUBLIC_BASE_URL).toBe("https://onedoor.example.gov.cn");
  });

  it("keeps the localhost default for a demo on one machine (embedded database) and in development", () => {
    expect(parseEnv({ NODE_ENV: "production", PORT: "3206" }).PUBLIC_BASE_URL).toBe("http://localhost:3206");
    expect(parseEnv({ NODE_ENV: "development", DATABASE_URL: postgresql }).PUBLIC_BASE_URL).toBe("http://localhost:3000");
  });

  it("still refuses an address with a path", () => {
    expect(() => parseEnv({ PUBLIC_BASE_URL: "https://onedoor.example.gov.cn/portal" })).toThrowError(/PUBLIC_BASE_URL: must be an origin without a path/);
  });

  it("checks the database's settings and the server's in one pass, each bad one by name", () => {
    expect(parseEnv({}).DATA_DIR).toBe(".data");
    expect(parseEnv({ DATABASE_URL: "", DATA_DIR: "" })).toMatchObject({ DATABASE_URL: undefined, DATA_DIR: ".data" });
    expect(() => parseEnv({ DATABASE_URL: postgresql, DATABASE_STATEMENT_TIMEOUT_MS: "soon", LOG_LEVEL: "loud" })).toThrowError(
      /DATABASE_STATEMENT_TIMEOUT_MS: DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds.*LOG_LEVEL/,
    );
    expect(() => parseEnv({ DATABASE_READ_URL: postgresql })).toThrowError(/DATABASE_READ_URL: needs DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: postgresql, DATABASE_READ_URL: postgresql }).DATABASE_READ_URL).toBe(postgresql);
  });

  it("gives the logger a level even when LOG_LEVEL is unusable, so it can report that", () => {
    expect(readLogLevel({ LOG_LEVEL: "warn" })).toBe("warn");
    expect(readLogLevel({ LOG_LEVEL: "loud" })).toBe("info");
    expect(readLogLevel({})).toBe("info");
  });

  it("refuses the test clock wherever a real portal could run", () => {
    expect(parseEnv({ ONEDOOR_TEST_CLOCK: "on", PORT: "3250" }).ONEDOOR_TEST_CLOCK).toBe("on");
    expect(parseEnv({}).ONEDOOR_TEST_CLOCK).toBe("off");
    expect(() => parseEnv({ ONEDOOR_TEST_CLOCK: "on", PUBLIC_BASE_URL: "https://onedoor.example.gov.cn" })).toThrowError(/ONEDOOR_TEST_CLOCK: a test setting/);
    expect(() => parseEnv({ ONEDOOR_TEST_CLOCK: "on", NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL: "http://10.0.0.1" })).toThrowError(/ONEDOOR_TEST_CLOCK: a test setting/);
    for (const PUBLIC_BASE_URL of [undefined, "http://onedoor.example.gov.cn", "http://127.0.0.1.example.org", "https://127.0.0.1:3312"]) {
      expect(() => parseEnv({ ONEDOOR_TEST_CLOCK: "on", NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL })).toThrowError(/ONEDOOR_TEST_CLOCK: a test setting/);
    }
  });

  it("allows the test clock on PostgreSQL in production when the public address is plain http on this machine (the replicas test)", () => {
    for (const PUBLIC_BASE_URL of ["http://127.0.0.1:3312", "http://localhost:3312", "http://[::1]:3312"]) {
      expect(parseEnv({ ONEDOOR_TEST_CLOCK: "on", NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL }).ONEDOOR_TEST_CLOCK).toBe("on");
    }
  });

  it("takes the unified identity provider's settings together or not at all, and its claim names with defaults", () => {
    const identity = { OIDC_ISSUER: "https://tyrz.example.gov.cn/oidc", OIDC_CLIENT_ID: "onedoor", OIDC_CLIENT_SECRET: "s3cret" };
    expect(parseEnv(identity)).toMatchObject({ ...identity, OIDC_SCOPE: "openid profile phone", OIDC_CLAIM_ID_NUMBER: "id_number", OIDC_CLAIM_ID_VERIFIED: "id_number_verified" });
    expect(parseEnv({ ...identity, OIDC_CLAIM_ID_NUMBER: "certNo", OIDC_SCOPE: "openid idcard" })).toMatchObject({ OIDC_CLAIM_ID_NUMBER: "certNo", OIDC_SCOPE: "openid idcard" });
    expect(parseEnv({ OIDC_ISSUER: "", OIDC_CLIENT_ID: "", OIDC_CLIENT_SECRET: "" }).OIDC_ISSUER).toBeUndefined();
    expect(() => parseEnv({ OIDC_ISSUER: identity.OIDC_ISSUER, OIDC_CLIENT_ID: "onedoor" })).toThrowError(/OIDC_ISSUER: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together/);
    expect(() => parseEnv({ ...identity, OIDC_SCOPE: "profile" })).toThrowError(/OIDC_SCOPE: must include openid/);
    expect(() => parseEnv({ ...identity, OIDC_ISSUER: "http://tyrz.example.gov.cn", NODE_ENV: "production", DATABASE_URL: postgresql, PUBLIC_BASE_URL: "https://onedoor.example.gov.cn" })).toThrowError(
      /OIDC_ISSUER: must be an https address in production/,
    );
  });

  it("keeps audit records at least six months, and checks a given data key", () => {
    expect(() => parseEnv({ AUDIT_RETENTION_MONTHS: "3" })).toThrowError(/AUDIT_RETENTION_MONTHS: must be at least 6/);
    expect(parseEnv({ AUDIT_RETENTION_MONTHS: "6" }).AUDIT_RETENTION_MONTHS).toBe(6);
    expect(parseEnv({ AUDIT_RETENTION_MONTHS: "" }).AUDIT_RETENTION_MONTHS).toBeUndefined();
    expect(() => parseEnv({ DATA_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrowError(/DATA_ENCRYPTION_KEY: expected at least 32 random bytes/);
    expect(() => parseEnv({ DATA_ENCRYPTION_KEY_PREVIOUS: "x".repeat(44) })).toThrowError(/DATA_ENCRYPTION_KEY_PREVIOUS: only with DATA_ENCRYPTION_KEY/);
  });
});
