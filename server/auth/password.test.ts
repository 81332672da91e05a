import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies a hash made by hash-wasm, as the seed and every existing account have", async () => {
    // Made by hash-wasm 4.12 with the parameters the portal used before (argon2id, 19 MiB, t=2, p=1): the value
    // `argon2id({ password: "demo2026", salt: randomBytes(16), parallelism: 1, iterations: 2, memorySize: 19456,
    // hashLength: 32, outputType: "encoded" })` returned.
    const legacy = "$argon2id$v=19$m=19456,t=2,p=1$hdKS/LVSvQx92fyfj22BAQ$cFp1Yy7KbFowmLuI+lyJcyNj7i3pNC1iYam2tCvBzuQ";
    expect(await verifyPassword("demo2026", legacy)).toBe(true);
    expect(await verifyPassword("demo2027", legacy)).toBe(false);
  });

  it("writes argon2id PHC strings with OWASP's parameters and verifies them", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horsf", stored)).toBe(false);
  });

  it("hashes off the event loop: it stays idle, free for other requests, while eight hashes run", async () => {
    // Event-loop utilization is the share of time the main thread spent running code rather than waiting for events;
    // with hash-wasm it is close to 1 for the whole run. Preemption by other processes does not count against it.
    const before = performance.eventLoopUtilization();
    await Promise.all(Array.from({ length: 8 }, (_, i) => hashPassword(`password ${i}`)));
    const { utilization } = performance.eventLoopUtilization(before);
    expect(utilization).toBeLessThan(0.4);
  });

  it("refuses a stored value that is not an argon2 hash loudly rather than calling it a wrong password", async () => {
    await expect(verifyPassword("demo2026", "not a hash")).rejects.toThrow();
  });
});
