import { describe, expect, it } from "vitest";
import { limitConcurrency } from "./limit-concurrency";

/** A job that stays running until released, recording how many ran at once. */
function gauge() {
  let now = 0;
  let most = 0;
  const releases: (() => void)[] = [];
  const job = (value: number) => async () => {
    now += 1;
    most = Math.max(most, now);
    await new Promise<void>((resolve) => releases.push(resolve));
    now -= 1;
    return value;
  };
  return { job, releases, most: () => most };
}

describe("limitConcurrency", () => {
  it("runs at most `size` jobs at once, starts the rest in arrival order, and answers each its own result", async () => {
    const inTurn = limitConcurrency(2);
    const { job, releases, most } = gauge();
    const started: number[] = [];
    const results = Promise.all(
      [1, 2, 3, 4, 5].map((value) =>
        inTurn(() => {
          started.push(value);
          return job(value)();
        }),
      ),
    );
    while (started.length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    for (const release of releases.splice(0)) release();
    expect(await results).toEqual([1, 2, 3, 4, 5]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(most()).toBe(2);
  });

  it("gives the turn back when a job fails", async () => {
    const inTurn = limitConcurrency(1);
    await expect(inTurn(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await inTurn(async () => "next")).toBe("next");
  });

  it("refuses a size that is not a whole number of at least 1", () => {
    expect(() => limitConcurrency(0)).toThrow();
    expect(() => limitConcurrency(1.5)).toThrow();
  });
});
