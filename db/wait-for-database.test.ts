import { describe, expect, it, vi } from "vitest";
import { waitForDatabase } from "./wait-for-database";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

describe("waiting for the database at set-up", () => {
  it("waits while PostgreSQL does not answer yet, saying so, and goes on once it does", async () => {
    let failures = 2;
    const ask = vi.fn(async () => {
      if (failures-- > 0) throw refused();
    });
    const lines: string[] = [];
    await waitForDatabase({ ask, timeoutMs: 5_000, intervalMs: 10, log: (line) => lines.push(line) });
    expect(ask).toHaveBeenCalledTimes(3);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^setup: PostgreSQL does not answer yet \(ECONNREFUSED\); trying again/);
  });

  it("gives up after the time it was given, naming the reason", async () => {
    const started = Date.now();
    await expect(waitForDatabase({ ask: async () => Promise.reject(refused()), timeoutMs: 200, intervalMs: 50, log: () => {} })).rejects.toThrowError(
      /PostgreSQL did not answer within 0 s \(ECONNREFUSED\)\. Check DATABASE_URL/,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("does not wait on a failure that waiting cannot cure", async () => {
    const wrongPassword = Object.assign(new Error('password authentication failed for user "onedoor"'), { code: "28P01" });
    const ask = vi.fn(async () => Promise.reject(wrongPassword));
    await expect(waitForDatabase({ ask, timeoutMs: 5_000, intervalMs: 10, log: () => {} })).rejects.toBe(wrongPassword);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
