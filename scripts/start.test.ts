import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("npm start", () => {
  it("refuses a PostgreSQL deployment without PUBLIC_BASE_URL before installing, migrating or building anything", () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, DATABASE_URL: "postgresql://onedoor@127.0.0.1:1/never-reached", PUBLIC_BASE_URL: "", PORT: "3206" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain("PUBLIC_BASE_URL is not set");
    expect(run.stderr).toContain("PUBLIC_BASE_URL=https://onedoor.example.gov.cn");
    expect(run.stdout).not.toContain("setup:");
    expect(run.stdout).not.toContain("building");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
