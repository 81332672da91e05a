import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a process that takes the lock and holds it until killed; resolves once it holds it. */
function holdLockInAnotherProcess(dataDir: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "-e", `import("${path.resolve("db/data-dir-lock.ts")}").then((m) => { m.acquireDataDirLock(${JSON.stringify(dataDir)}); console.log("locked"); setInterval(() => {}, 1000); })`],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise<typeof child>((resolve) => child.stdout!.once("data", () => resolve(child)));
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

  it("takes over a lock left by a process that no longer runs, and releases its own", async () => {
    const dataDir = tempDir();
    const holder = await holdLockInAnotherProcess(dataDir);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    const release = acquireDataDirLock(dataDir);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, "onedoor.lock"), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dataDir, "onedoor.lock"))).toBe(false);
  });
});
