import { describe, expect, it } from "vitest";
import { createRandom } from "./random";

describe("the loader's PRNG", () => {
  it("repeats itself for the same key and gives each stream ids of its own", () => {
    expect(Array.from({ length: 5 }, createRandom("s", "case", 7).next)).toEqual(Array.from({ length: 5 }, createRandom("s", "case", 7).next));
    // A million cases draw from a million streams: a 32-bit seed made neighbouring streams collide.
    const ids = new Set<string>();
    for (let index = 0; index < 100_000; index += 1) {
      const random = createRandom("onedoor", "case", index);
      ids.add(random.uuid());
      ids.add(random.uuid());
    }
    expect(ids.size).toBe(200_000);
    expect([...ids][0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("spreads its draws evenly", () => {
    const random = createRandom("onedoor", "spread");
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i += 1) buckets[Math.floor(random.next() * 10)] += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
