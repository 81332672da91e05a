import os from "node:os";
import { describe, expect, it, vi } from "vitest";
import { verifyPassword } from "./password";

// Counts argon2 runs in flight at once.
const runs = vi.hoisted(() => ({ now: 0, most: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...original,
    verify: async (...args: Parameters<typeof original.verify>) => {
      runs.now += 1;
      runs.most = Math.max(runs.most, runs.now);
      try {
        return await original.verify(...args);
      } finally {
        runs.now -= 1;
      }
    },
  };
});

describe("password hashing under a burst", () => {
  it("runs argon2 at most one fewer times at once than there are cores, and answers every caller", async () => {
    const stored = "$argon2id$v=19$m=19456,t=2,p=1$hdKS/LVSvQx92fyfj22BAQ$cFp1Yy7KbFowmLuI+lyJcyNj7i3pNC1iYam2tCvBzuQ";
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyPassword(i === 5 ? "demo2026" : `guess ${i}`, stored)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers[5]).toBe(true);
    expect(runs.most).toBe(Math.max(1, os.availableParallelism() - 1));
    expect(runs.now).toBe(0);
  });
});
