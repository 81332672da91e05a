/**
 * The processes the replicas test starts, each in a process group of its own (so a replica's `npm start` and the
 * `next start` it runs are killed together, as a machine crash would), and everything to undo at the end: the
 * groups still running, temporary folders, the database. `cleanUp` runs once, on every way out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type TStarted = { name: string; child: ChildProcess; log: string; exited: Promise<number | string> };

const started: TStarted[] = [];
const undo: (() => Promise<void> | void)[] = [];

/** Starts `command` in its own process group, its output into `logFile`. */
export function startProcess(name: string, command: string, args: string[], { env, logFile }: { env: NodeJS.ProcessEnv; logFile: string }): TStarted {
  const out = fs.openSync(logFile, "a");
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  const entry = { name, child, log: logFile, exited };
  started.push(entry);
  return entry;
}

/** SIGKILL to the whole group: the replica is gone at once, mid-request. */
export function killGroup(entry: TStarted, signal: NodeJS.Signals = "SIGKILL") {
  try {
    process.kill(-entry.child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

export const isRunning = (entry: TStarted) => entry.child.exitCode === null && entry.child.signalCode === null;

/** The last lines a process wrote, for a failure's message. */
export function tailOf(entry: TStarted, lines = 30): string {
  try {
    return fs.readFileSync(entry.log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no output)";
  }
}

export function onCleanUp(step: () => Promise<void> | void) {
  undo.push(step);
}

/** A folder removed at the end, unless `keep()` says otherwise then (a failed run keeps its logs to read). */
export function makeTempFolder(parent: string, name: string, keep: () => boolean = () => false): string {
  const folder = fs.mkdtempSync(path.join(parent, name));
  onCleanUp(() => {
    if (keep()) console.log(`[replicas] kept ${folder} (the replicas' and nginx's logs) to read after a failure`);
    else fs.rmSync(folder, { recursive: true, force: true });
  });
  return folder;
}

let cleaning: Promise<void> | undefined;

/** Stops every group still running (SIGTERM, SIGKILL after 10 s), then undoes the rest, last first. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    const running = started.filter(isRunning);
    for (const entry of running) killGroup(entry, "SIGTERM");
    const forced = setTimeout(() => running.forEach((entry) => killGroup(entry, "SIGKILL")), 10_000);
    await Promise.all(running.map((entry) => entry.exited));
    clearTimeout(forced);
    // A group's leader may exit before its children (next start under npm start): make sure none is left.
    for (const entry of started) killGroup(entry, "SIGKILL");
    for (const step of undo.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error(`[replicas] clean-up step failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}
