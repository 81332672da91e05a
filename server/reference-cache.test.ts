import { describe, expect, it } from "vitest";
import type { TDatabase } from "@/db/client";
import { cachedReference, forgetReferences, REFERENCE_TTL_MS } from "./reference-cache";

describe("cachedReference", () => {
  const db = {} as TDatabase;
  const other = {} as TDatabase;

  it("loads once within the time to live, again after it, and never across databases", async () => {
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedReference(db, "k", load, 1_000)).toBe(1);
    expect(await cachedReference(db, "k", load, 1_000 + REFERENCE_TTL_MS - 1)).toBe(1);
    expect(await cachedReference(other, "k", load, 1_000)).toBe(2);
    expect(await cachedReference(db, "k", load, 1_000 + REFERENCE_TTL_MS)).toBe(3);
    forgetReferences(db);
    expect(await cachedReference(db, "k", load, 1_000 + REFERENCE_TTL_MS)).toBe(4);
  });

  it("does not remember a failed load", async () => {
    await expect(cachedReference(db, "failing", () => Promise.reject(new Error("down")), 5)).rejects.toThrow("down");
    expect(await cachedReference(db, "failing", async () => "up", 6)).toBe("up");
  });
});
