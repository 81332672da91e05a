import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, type TLockHolder } from "./data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-lock-"));
  dirs.push(dir);
  return dir;
};
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const lockOf = (dataDir: string) => JSON.parse(fs.readFileSync(path.join(dataDir, "onedoor.lock"), "utf8")) as TLockHolder;
const writeLock = (dataDir: string, holder: Partial<TLockHolder>) =>
  fs.writeFileSync(path.join(dataDir, "onedoor.lock"), JSON.stringify({ command: "next-server", since: "2026-01-05T08:00:00.000Z", ...holder }));

/** The pid of a process that has just exited: nothing runs under it now. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

/** Starts a process that takes the lock and holds it until killed; resolves once it holds it. */
function holdLockInAnotherProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "-e", `import("${path.resolve("db/data-dir-lock.ts")}").then((m) => { m.acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 1000); })`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise<typeof child>((resolve) => child.stdout!.once("data", () => resolve(child)));
}

/**
 * A process that tries to take the lock of each directory it is sent, one line per directory, and answers
 * "won <pid>" or "lost <message>"; what it wins it holds until it is killed. Answers "ready" once loaded.
 */
function startTaker() {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `import("${path.resolve("db/data-dir-lock.ts")}").then((m) => {
        require("node:readline").createInterface({ input: process.stdin }).on("line", (dir) => {
          try { m.acquireDataDirLock(dir); console.log("won " + process.pid); }
          catch (error) { console.log((error instanceof m.DataDirLockedError ? "lost " : "error ") + error.message); }
        });
        console.log("ready");
      })`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  children.push(child);
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    waiters.splice(0).forEach((wake) => wake());
  });
  const nextLine = async () => {
    while (lines.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
    return lines.shift()!;
  };
  return { child, nextLine };
}

describe("the DATA_DIR lock", () => {
  it("makes a second process fail at once, naming the process that holds it", async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    try {
      expect(() => acquireDataDirLock(dataDir)).toThrowError(DataDirLockedError);
      expect(() => acquireDataDirLock(dataDir)).toThrowError(new RegExp(`in use by process ${holder.pid}`));
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("refuses the setup script while a server holds the directory", async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    try {
      const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" });
      expect(setup.status).toBe(3);
      expect(setup.stderr).toContain(`in use by process ${holder.pid}`);
      expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("records the host name beside the pid", () => {
    const dataDir = tempDir();
    const release = acquireDataDirLock(dataDir);
    expect(lockOf(dataDir)).toMatchObject({ pid: process.pid, host: os.hostname(), token: expect.stringMatching(/^[0-9a-f]{32}$/) });
    release();
  });

  it("refuses a lock held on another host, says so, and leaves it alone, even when no such pid runs here", () => {
    const dataDir = tempDir();
    const pid = deadPid();
    writeLock(dataDir, { pid, host: "onedoor-replica-7", token: "a".repeat(32) });
    const before = fs.readFileSync(path.join(dataDir, "onedoor.lock"), "utf8");
    let refusal: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`locked by process ${pid} on another host, onedoor-replica-7`);
    expect((refusal as Error).message).toContain(`delete ${path.join(dataDir, "onedoor.lock")}`);
    expect(fs.readFileSync(path.join(dataDir, "onedoor.lock"), "utf8")).toBe(before);
  });

  it("takes over a lock left by a process that no longer runs, and releases its own", async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const release = acquireDataDirLock(dataDir);
    expect(lockOf(dataDir).pid).toBe(process.pid);
    release();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it("takes over a lock written before the last reboot, though its pid now belongs to a running process", () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: process.ppid, host: os.hostname(), boot: "00000000-0000-4000-8000-000000000000", token: "b".repeat(32) });
    const release = acquireDataDirLock(dataDir);
    expect(lockOf(dataDir).pid).toBe(process.pid);
    release();
  });

  it("takes over a stale lock in the older format (no host name), and one that is not a lock at all", () => {
    const dataDir = tempDir();
    writeLock(dataDir, { pid: deadPid() });
    acquireDataDirLock(dataDir)();
    fs.writeFileSync(path.join(dataDir, "onedoor.lock"), '{"pid":');
    const release = acquireDataDirLock(dataDir);
    expect(lockOf(dataDir).pid).toBe(process.pid);
    release();
  });

  it("lets exactly one of several processes racing for the same stale lock take it; the others name the winner", async () => {
    const takers = Array.from({ length: 4 }, startTaker);
    for (const taker of takers) expect(await taker.nextLine()).toBe("ready");
    for (let round = 0; round < 16; round++) {
      const dataDir = tempDir();
      writeLock(dataDir, { pid: deadPid(), host: os.hostname(), token: `${round}`.repeat(32).slice(0, 32) });
      // All at once: the line reaches every taker within the same moment.
      for (const taker of takers) taker.child.stdin.write(`${dataDir}\n`);
      const answers = await Promise.all(takers.map((taker) => taker.nextLine()));
      const winners = answers.filter((answer) => answer.startsWith("won "));
      expect(winners, answers.join("\n")).toHaveLength(1);
      const winnerPid = Number(winners[0].slice(4));
      expect(lockOf(dataDir).pid).toBe(winnerPid);
      for (const answer of answers.filter((line) => !line.startsWith("won "))) expect(answer).toContain(`lost DATA_DIR ${dataDir} is in use by process ${winnerPid}`);
      // No claim or temporary file is left behind.
      expect(fs.readdirSync(dataDir)).toEqual(["onedoor.lock"]);
    }
  });
});
