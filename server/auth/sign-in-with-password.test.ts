import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { signInWithPassword } from "./sign-in-with-password";

// Counts the passwords actually checked, to prove a throttled attempt costs no argon2 run.
const checked = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return {
    ...original,
    verifyPassword: async (password: string, hash: string) => {
      checked.count += 1;
      return original.verifyPassword(password, hash);
    },
  };
});

describe.each(testDatabaseKinds)("signInWithPassword on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    for (const username of ["alice", "bob", "carol", "dave"]) {
      await seedUser(database.db, { username, role: "citizen", displayName: username, password: "right-password" });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.db.delete(rateLimits);
    checked.count = 0;
  });

  const attempt = (username: string, password: string, address: string | null = "203.0.113.1") =>
    signInWithPassword({ db: database.db, username, password, address });

  /** What waiting out every running wait does, without waiting: the gates' rows expire. */
  const endWaits = () =>
    database.db
      .update(rateLimits)
      .set({ expire: sql`now() - interval '1 second'` })
      .where(like(rateLimits.key, "sign-in-wait:%"));

  it("checks only the account's allowance of a 30-guess burst, then refuses even the right password", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt("alice", `guess-${i}`)));
    expect(checked.count).toBe(5);
    expect(results.filter((result) => !result.ok && result.code === "invalid")).toHaveLength(4);
    expect(results.filter((result) => !result.ok && result.code === "throttled")).toHaveLength(26);

    const right = await attempt("alice", "right-password");
    expect(right).toMatchObject({ ok: false, code: "throttled" });
    expect(right.ok === false && right.code === "throttled" && right.retryAfterSeconds).toBeGreaterThan(50);
    expect(checked.count).toBe(5);
  });

  it("lets the right password in once the wait ends, and a success forgets the account's failures", async () => {
    for (let i = 0; i < 5; i++) await attempt("bob", "wrong");
    await endWaits();
    expect(await attempt("bob", "right-password")).toMatchObject({ ok: true, user: { displayName: "bob", role: "citizen", sessionVersion: 0 } });
    // Counted afresh: four more mistakes are answered as mistakes, not as a wait.
    for (let i = 0; i < 4; i++) expect(await attempt("bob", "wrong")).toEqual({ ok: false, code: "invalid" });
  });

  it("doubles the wait with each failure past the allowance, and refused attempts do not lengthen it", async () => {
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await attempt("carol", "wrong");
      if (!result.ok && result.code === "throttled") waits.push(result.retryAfterSeconds);
    }
    for (let step = 0; step < 3; step++) {
      for (let i = 0; i < 5; i++) expect(await attempt("carol", "right-password")).toMatchObject({ ok: false, code: "throttled" });
      await endWaits();
      const result = await attempt("carol", "wrong");
      if (!result.ok && result.code === "throttled") waits.push(result.retryAfterSeconds);
    }
    expect(waits).toEqual([60, 120, 240, 480]);
  });

  it("counts one name however it is spelt", async () => {
    for (const spelling of ["dave", "Dave", "DAVE", "ｄａｖｅ"]) await attempt(spelling, "wrong");
    expect(await attempt("dave", "wrong")).toMatchObject({ ok: false, code: "throttled" });
  });

  it("throttles names that do not exist as it does real ones, so a wait does not tell which names exist", async () => {
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await attempt("nobody-here", "wrong"));
    expect(results.map((result) => (result.ok ? "ok" : result.code))).toEqual(["invalid", "invalid", "invalid", "invalid", "throttled", "throttled"]);
  });

  it("throttles an address spraying one password over many accounts, and only that address", async () => {
    const spray = (username: string, address: string) =>
      signInWithPassword({ db: database.db, username, password: "Password1", address, failuresPerAddress: 3 });
    expect(await spray("alice", "198.51.100.7")).toEqual({ ok: false, code: "invalid" });
    expect(await spray("bob", "198.51.100.7")).toEqual({ ok: false, code: "invalid" });
    expect(await spray("carol", "198.51.100.7")).toMatchObject({ ok: false, code: "throttled" });
    const fromThere = await signInWithPassword({ db: database.db, username: "dave", password: "right-password", address: "198.51.100.7", failuresPerAddress: 3 });
    expect(fromThere).toMatchObject({ ok: false, code: "throttled" });
    const fromElsewhere = await signInWithPassword({ db: database.db, username: "dave", password: "right-password", address: "198.51.100.8", failuresPerAddress: 3 });
    expect(fromElsewhere.ok).toBe(true);
  });

  it("counts an IPv6 network's /64 as one address", async () => {
    const spray = (username: string, address: string) =>
      signInWithPassword({ db: database.db, username, password: "Password1", address, failuresPerAddress: 2 });
    await spray("alice", "2001:db8:1:2::a");
    expect(await spray("bob", "2001:db8:1:2::b")).toMatchObject({ ok: false, code: "throttled" });
  });

  it("does not count an address's successful sign-ins as failures", async () => {
    for (let i = 0; i < 10; i++) {
      const result = await signInWithPassword({ db: database.db, username: "alice", password: "right-password", address: "192.0.2.1", failuresPerAddress: 3 });
      expect(result.ok).toBe(true);
    }
  });

  it("stores neither user names nor addresses in the throttle's table", async () => {
    await attempt("alice", "wrong", "203.0.113.77");
    const keys = (await database.db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key).join(" ");
    expect(keys).not.toContain("alice");
    expect(keys).not.toContain("203.0.113.77");
  });
});
