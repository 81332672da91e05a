/**
 * An exclusive lock on DATA_DIR for the embedded database.
 *
 * PGlite has no cross-process locking: two processes that open one directory silently lose each other's writes.
 * So the first process to open DATA_DIR writes DATA_DIR/onedoor.lock naming itself (pid, host name, boot, a random
 * token), and every other process — a second server, a migrate script — fails at once, naming the holder.
 *
 * - The file appears whole or not at all: it is written under a temporary name and hard-linked into place, which
 *   fails if a lock exists (link, like O_EXCL, is atomic), so no reader ever sees a half-written lock.
 * - A lock of another host is refused: from here nobody can tell whether that process still runs (a DATA_DIR on
 *   a shared disk). The message says which host holds it and how to clear it.
 * - A lock of this host whose process is gone (kill -9, power loss, a reboot) is taken over. Two processes may find
 *   the same stale lock at once, so nobody removes it after checking (the other might already have replaced it).
 *   Instead a taker first creates, exclusively, a claim file named after that exact lock's content; only the one
 *   that creates it may replace the lock, and it does so by renaming a fresh lock over it after checking, under the
 *   claim, that the lock is still the one it judged stale. The loser finds the winner's lock and stops. A claim left
 *   by a taker that died in between is itself taken over the same way.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type TLockHolder = {
  pid: number;
  /** The machine it runs on (os.hostname()). Locks written before host names were recorded have none. */
  host?: string;
  /** Linux's boot id: a lock from before the last reboot is stale whatever its pid. */
  boot?: string;
  command: string;
  since: string;
  /** Random: tells this lock from an earlier one of the same pid. */
  token?: string;
};

export class DataDirLockedError extends Error {
  readonly code = "conflict:data-dir-locked";
  constructor(
    readonly dataDir: string,
    readonly holder: TLockHolder,
    readonly otherHost = false,
  ) {
    super(
      otherHost
        ? `DATA_DIR ${dataDir} is locked by process ${holder.pid} on another host, ${holder.host} (${holder.command}, since ${holder.since}). ` +
            `This host (${os.hostname()}) cannot tell whether that process still runs, so it will not open the directory. ` +
            `Stop OneDoor on ${holder.host}; if it no longer runs there, delete ${path.join(dataDir, lockFileName)} and start again. ` +
            `(In a container, give it a fixed host name so a restart is recognised as the same host.)`
        : `DATA_DIR ${dataDir} is in use by process ${holder.pid} (${holder.command}, since ${holder.since}). ` +
            `The embedded database (PGlite) can be opened by one process only. Stop that process, ` +
            `or give this one another DATA_DIR, or set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "DataDirLockedError";
  }
}

const lockFileName = "onedoor.lock";
/** Rounds of "create, or judge what is there": enough for a takeover race to settle. */
const maxRounds = 20;

type TSnapshot = {
  /** A digest of the file's exact bytes: names this lock, and nothing else, in a takeover claim. */
  generation: string;
  /** null when the content is not a lock we can read (a file half-written by an older version): stale. */
  holder: TLockHolder | null;
};

// Next.js may evaluate this module more than once in one process; the locks this process holds are shared.
const globalForLocks = globalThis as typeof globalThis & { __onedoorDataDirLocks?: Map<string, { token: string; release: () => void }> };
const held = (globalForLocks.__onedoorDataDirLocks ??= new Map());

let bootId: string | undefined | null = null;
function currentBootId(): string | undefined {
  if (bootId === null) {
    try {
      bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || undefined;
    } catch {
      bootId = undefined; // not Linux: the pid check alone decides
    }
  }
  return bootId;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHolder(raw: string): TLockHolder | null {
  try {
    const parsed = JSON.parse(raw) as Partial<TLockHolder>;
    if (typeof parsed.pid !== "number") return null;
    return {
      pid: parsed.pid,
      host: typeof parsed.host === "string" ? parsed.host : undefined,
      boot: typeof parsed.boot === "string" ? parsed.boot : undefined,
      command: String(parsed.command ?? "unknown"),
      since: String(parsed.since ?? "unknown"),
      token: typeof parsed.token === "string" ? parsed.token : undefined,
    };
  } catch {
    return null;
  }
}

/** The lock file as it is now, or null when there is none. */
function readLock(file: string): TSnapshot | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return { generation: createHash("sha256").update(raw).digest("hex"), holder: parseHolder(raw) };
}

/** Lock files without a host name predate them; they were only ever written by processes of this host. */
const isOtherHost = (holder: TLockHolder) => holder.host !== undefined && holder.host !== os.hostname();

/** Whether the process that wrote this lock (of this host) has certainly gone. */
function isGone(holder: TLockHolder | null): boolean {
  if (!holder) return true;
  const boot = currentBootId();
  if (holder.boot && boot && holder.boot !== boot) return true;
  // Our own pid on a lock this process does not hold: an earlier life of a container that reuses pids.
  if (holder.pid === process.pid) return true;
  return !isAlive(holder.pid);
}

function temporaryBeside(file: string, content: string): string {
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  fs.writeFileSync(temporary, content, { flag: "wx" });
  return temporary;
}

/** Creates `file` with `content`, whole, unless it exists. */
function createExclusive(file: string, content: string): boolean {
  const temporary = temporaryBeside(file, content);
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS") {
      throw new Error(`Cannot lock DATA_DIR: the file system under ${path.dirname(file)} has no hard links (${code}). Put DATA_DIR on a local disk.`);
    }
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** Puts `content` in place of whatever `file` holds, in one step. */
function replaceAtomically(file: string, content: string) {
  fs.renameSync(temporaryBeside(file, content), file);
}

/**
 * Replaces the stale lock `seen` in `file` by `me`, unless another taker does it first. Exactly one of several
 * racing takers returns true; the others return false and find the winner's lock when they look again.
 */
function takeOverStale(file: string, seen: TSnapshot, me: TLockHolder, content: string, depth = 0): boolean {
  const claim = `${file}.takeover-${seen.generation.slice(0, 32)}`;
  if (!createExclusive(claim, content)) {
    // Someone is taking this very lock over. If they died half-way, take their claim over (one level is enough
    // in practice; two guards against a run of crashes).
    const claimSeen = readLock(claim);
    if (!claimSeen || depth >= 2) return false;
    if (claimSeen.holder && (isOtherHost(claimSeen.holder) || !isGone(claimSeen.holder))) return false;
    if (!takeOverStale(claim, claimSeen, me, content, depth + 1)) return false;
  }
  try {
    // Under the claim nobody else may replace this lock; it must still be the one we judged stale.
    if (readLock(file)?.generation !== seen.generation) return false;
    replaceAtomically(file, content);
    return readLock(file)?.holder?.token === me.token;
  } finally {
    if (readLock(claim)?.holder?.token === me.token) fs.rmSync(claim, { force: true });
  }
}

/** Waits a little without giving up the thread: the lock is taken while opening the database, synchronously. */
function pause(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the lock or throws DataDirLockedError. Returns the release function; the lock is released at exit too. */
export function acquireDataDirLock(dataDir: string): () => void {
  const absolute = path.resolve(dataDir);
  const existing = held.get(absolute);
  if (existing) return existing.release;

  fs.mkdirSync(absolute, { recursive: true });
  const lockFile = path.join(absolute, lockFileName);
  const me: TLockHolder = {
    pid: process.pid,
    host: os.hostname(),
    boot: currentBootId(),
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(" ") || "node",
    since: new Date().toISOString(),
    token: randomBytes(16).toString("hex"),
  };
  const content = JSON.stringify(me);

  const hold = () => {
    const release = () => {
      held.delete(absolute);
      process.removeListener("exit", release);
      // Remove the file only if it is still ours (nobody takes over the lock of a live process).
      if (readLock(lockFile)?.holder?.token === me.token) fs.rmSync(lockFile, { force: true });
    };
    held.set(absolute, { token: me.token!, release });
    process.once("exit", release);
    return release;
  };

  for (let round = 0; round < maxRounds; round++) {
    if (createExclusive(lockFile, content)) return hold();
    const seen = readLock(lockFile);
    if (!seen) continue; // released just now: try again
    if (seen.holder && isOtherHost(seen.holder)) throw new DataDirLockedError(absolute, seen.holder, true);
    if (seen.holder && !isGone(seen.holder)) throw new DataDirLockedError(absolute, seen.holder);
    if (takeOverStale(lockFile, seen, me, content)) return hold();
    // Another process is taking it over, or has: give it a moment to finish, then judge its lock.
    pause(5 + round * 5);
  }
  throw new Error(`Could not lock DATA_DIR ${absolute}: the lock file keeps changing under us.`);
}
