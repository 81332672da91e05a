/**
 * Password checks on a thread of their own, at a lower CPU priority than the event loop.
 *
 * An argon2 run is ~20 ms of pure CPU. On libuv's pool it runs at the event loop's priority, so during a burst of
 * sign-ins on a small machine the event loop waits for a core behind it and every other request slows down
 * (docs/BENCHMARKS.md, bench:login-burst). Here each check runs on a worker thread that has raised its own nice value
 * (Linux: setpriority on the thread's id, which needs no privilege): when the cores are busy the kernel gives the
 * event loop the core first, and sign-ins, not everybody's page views, take the wait. Nice 10, not 19: under
 * steady load (a test run) a check still gets about a tenth of a core rather than starving.
 *
 * The worker is plain CommonJS evaluated from a string, so the bundler has no file to find; it loads the same
 * @node-rs/argon2 the server has installed and calls its synchronous functions — the worker is the thread.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { lowerThreadPrioritySource } from "@/server/threads/lower-thread-priority";

export const ARGON2_THREAD_NICE = 10;

const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const argon2 = require(workerData.argon2Path);
${lowerThreadPrioritySource}
parentPort.on("message", ({ id, op, args }) => {
  try {
    const result = op === "hash" ? argon2.hashSync(args[0], args[1]) : argon2.verifySync(args[0], args[1]);
    parentPort.postMessage({ id, result });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type TJob = { resolve: (value: never) => void; reject: (error: Error) => void };

let worker: Worker | undefined;
const pending = new Map<number, TJob>();
let lastId = 0;

function startWorker(): Worker {
  // Resolved from the app's root, where `npm start`, the tests and the scripts run: inside a bundle
  // import.meta.url names a chunk, not this file.
  const argon2Path = createRequire(path.join(process.cwd(), "package.json")).resolve("@node-rs/argon2");
  const started = new Worker(workerSource, { eval: true, workerData: { argon2Path, nice: ARGON2_THREAD_NICE } });
  // An idle worker must not keep a script (the seed, a test) from exiting.
  started.unref();
  started.on("message", ({ id, result, error }: { id: number; result?: never; error?: string }) => {
    const job = pending.get(id);
    pending.delete(id);
    if (error !== undefined) job?.reject(new Error(error));
    else job?.resolve(result as never);
  });
  started.on("error", (error) => failAll(error));
  started.on("exit", (code) => failAll(new Error(`the argon2 thread stopped (exit code ${code})`)));
  return started;
}

function failAll(error: Error) {
  worker = undefined;
  for (const job of pending.values()) job.reject(error);
  pending.clear();
}

function run<T>(op: "hash" | "verify", args: unknown[]): Promise<T> {
  worker ??= startWorker();
  const id = (lastId += 1);
  const running = worker;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: never) => void, reject });
    // Keep the process alive while a check is owed an answer; let it go when none is.
    running.ref();
    running.postMessage({ id, op, args });
  }).finally(() => {
    if (pending.size === 0) running.unref();
  });
}

export function hashOnThread(password: string, options: object): Promise<string> {
  return run("hash", [password, options]);
}

export function verifyOnThread(passwordHash: string, password: string): Promise<boolean> {
  return run("verify", [passwordHash, password]);
}
