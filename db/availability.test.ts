import { afterEach, describe, expect, it, vi } from "vitest";
import { checkDatabase, isConnectionFailure, isDatabaseAvailable, noteDatabaseFailure, watchDatabase } from "./availability";

const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5499"), { code: "ECONNREFUSED" });
/** What drizzle throws: its own error, the driver's as the cause. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

afterEach(async () => {
  // Leave the process's view as a fresh server has it: up.
  watchDatabase(async () => undefined);
  await checkDatabase({ timeoutMs: 100 });
  vi.restoreAllMocks();
});

describe("whether the database can be reached", () => {
  it("tells failures to reach PostgreSQL from other failures", () => {
    expect(isConnectionFailure(refused)).toBe(true);
    expect(isConnectionFailure(wrapped(refused))).toBe(true);
    expect(isConnectionFailure(new AggregateError([refused], ""))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isConnectionFailure(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionFailure(wrapped(new Error("Connection terminated due to connection timeout")))).toBe(true);
    expect(isConnectionFailure(new Error("Query read timeout"))).toBe(true);
    // A cancelled slow statement, a broken query, a pool whose connections are all busy: the database is there.
    expect(isConnectionFailure(wrapped(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })))).toBe(false);
    expect(isConnectionFailure(wrapped(Object.assign(new Error('relation "nope" does not exist'), { code: "42P01" })))).toBe(false);
    expect(isConnectionFailure(new Error("timeout exceeded when trying to connect"))).toBe(false);
    expect(isConnectionFailure("ECONNREFUSED")).toBe(false);
  });

  it("turns unavailable on a failure to reach it, looks again at most every half second, and recovers when it answers", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    let answering = true;
    const probe = vi.fn(async () => {
      if (!answering) throw refused;
    });
    watchDatabase(probe);
    expect(await checkDatabase({ timeoutMs: 100 })).toBe(true);
    probe.mockClear();
    vi.useFakeTimers({ toFake: ["Date"] });

    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(true);
    expect(probe).not.toHaveBeenCalled(); // it just answered: nothing extra is asked

    answering = false;
    expect(noteDatabaseFailure(wrapped(refused))).toBe(true);
    expect(noteDatabaseFailure(new Error("syntax error"))).toBe(false);
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(false);
    expect(probe).not.toHaveBeenCalled(); // just failed: no second look yet

    vi.setSystemTime(Date.now() + 600);
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
    answering = true;
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(false); // the last look is fresh
    vi.setSystemTime(Date.now() + 600);
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(true);
    expect(probe).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it("notices a database that stopped answering without refusing anything, by asking again every couple of seconds", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    let silent = false;
    const probe = vi.fn(() => (silent ? new Promise<never>(() => {}) : Promise.resolve()));
    watchDatabase(probe);
    expect(await checkDatabase({ timeoutMs: 100 })).toBe(true);
    probe.mockClear();
    silent = true;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 1_000);
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(true);
    expect(probe).not.toHaveBeenCalled();
    vi.setSystemTime(Date.now() + 1_000);
    // Two seconds on: this request passes (nobody waits on the question), and the database is asked meanwhile.
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await isDatabaseAvailable({ timeoutMs: 100 })).toBe(false);
  });

  it("answers a health check within its time limit when the database never answers, asking it once for everyone", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const probe = vi.fn(() => new Promise<never>(() => {}));
    watchDatabase(probe);
    const started = Date.now();
    expect(await Promise.all([checkDatabase({ timeoutMs: 200 }), checkDatabase({ timeoutMs: 200 }), checkDatabase({ timeoutMs: 200 })])).toEqual([false, false, false]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(probe).toHaveBeenCalledTimes(1);
  });
});
