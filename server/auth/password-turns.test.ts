import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ARGON2_THREAD_NICE } from "./argon2-thread";
import { verifyPassword } from "./password";

const stored = "$argon2id$v=19$m=19456,t=2,p=1$hdKS/LVSvQx92fyfj22BAQ$cFp1Yy7KbFowmLuI+lyJcyNj7i3pNC1iYam2tCvBzuQ";

/** The nice value of each of this process's threads (field 19 of /proc/<pid>/task/<tid>/stat, after the name). */
function threadNiceValues(): number[] {
  return fs.readdirSync("/proc/self/task").map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe("password checks under a burst", () => {
  it("answers every caller of a burst, each with its own answer", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => verifyPassword(i === 5 ? "demo2026" : `guess ${i}`, stored)));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(answers[5]).toBe(true);
  });

  it("checks on a thread of lower priority than the event loop, which keeps its own", async () => {
    expect(await verifyPassword("demo2026", stored)).toBe(true);
    const nice = threadNiceValues();
    expect(nice).toContain(ARGON2_THREAD_NICE);
    const [mainThread] = fs.readdirSync("/proc/self/task").map(Number).sort((a, b) => a - b);
    expect(mainThread).toBe(process.pid);
    expect(nice[fs.readdirSync("/proc/self/task").indexOf(String(process.pid))]).toBe(0);
  });

  it("refuses a stored value that is not an argon2 hash loudly, and goes on checking after it", async () => {
    await expect(verifyPassword("demo2026", "not a hash")).rejects.toThrow();
    expect(await verifyPassword("demo2026", stored)).toBe(true);
  });
});
