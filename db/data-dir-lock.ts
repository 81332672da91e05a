/**
 * An exclusive lock on DATA_DIR for the embedded database.
 *
 * PGlite has no cross-process locking: two processes that open one directory silently lose each other's writes.
 * So the first process to open DATA_DIR writes its pid into DATA_DIR/onedoor.lock (created with O_EXCL, which is
 * atomic), and every other process — a second server, a migrate script — fails at once, naming the holder.
 * A lock left by a process that no longer runs (kill -9, power loss) is taken over.
 */
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  readonly code = "conflict:data-dir-locked";
  constructor(
    readonly dataDir: string,
    readonly holder: TLockHolder,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
        `The embedded database (PGlite) can be opened by one process only. Stop that process, ` +
        `or give this one another DATA_DIR, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
  }
}

type TLockHolder = { pid: number; command: string; since: string };

const held = new Map<string, () => void>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(lockFile: string): TLockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockFile, "utf8")) as Partial<TLockHolder>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, command: String(parsed.command ?? "unknown"), since: String(parsed.since ?? "unknown") };
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError. Returns the release function; the lock is released at exit too. */
export function acquireDataDirLock(dataDir: string): () => void {
  const absolute = path.resolve(dataDir);
  const existing = held.get(absolute);
  if (existing) return existing;

  fs.mkdirSync(absolute, { recursive: true });
  const lockFile = path.join(absolute, "onedoor.lock");
  const me: TLockHolder = {
    pid: process.pid,
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(" ") || "node",
    since: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockFile, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        held.delete(absolute);
        process.removeListener("exit", release);
        // Remove the file only if it is still ours.
        if (readHolder(lockFile)?.pid === process.pid) fs.rmSync(lockFile, { force: true });
      };
      held.set(absolute, release);
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockFile);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DataDirLockedError(absolute, holder);
      }
      // Stale (holder gone, or a half-written file): remove it and try again.
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock DATA_DIR ${absolute}: the lock file keeps changing under us.`);
}
