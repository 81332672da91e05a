/**
 * PDFs are drawn on worker threads, never on the event loop. A licence or a receipt is 10–50 ms of pure CPU
 * (fontkit's layout, subsetting, deflate): twenty at once on the event loop held every other request — even
 * /api/health — for a second (docs/BENCHMARKS.md, bench:pdf "pages while rendering").
 *
 * A pool of one thread per core but one (the event loop keeps a core), each at a lower priority (nice 10, like the
 * password checks), takes documents in arrival order. A document is plain data (blocks of text, a QR code's
 * address), so it crosses to the thread as it is, and the bytes come back transferred, not copied.
 *
 * The thread runs the same drawing code as this process, loaded from the sources with tsx (a dependency, which the
 * scripts already run on): the server's own code is a bundle the thread cannot load, and a second build of the
 * renderer would be a second thing to keep in step. So the portal runs from its checkout, as `npm start` does.
 * A thread that dies fails the documents it had and is replaced on the next one.
 */
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { lowerThreadPrioritySource } from "@/server/threads/lower-thread-priority";
import type { TPdfDocument } from "./render-pdf";

export const PDF_THREAD_NICE = 10;
/** One thread per core but one: the event loop keeps a core of its own. */
export const pdfThreadCount = Math.max(1, os.availableParallelism() - 1);

const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
${lowerThreadPrioritySource}
require(workerData.tsxPath);
const { drawPdf } = require(workerData.rendererPath);
parentPort.on("message", async ({ id, document }) => {
  try {
    // A copy of its own, so the transfer cannot take a slice of a shared buffer pool.
    const bytes = new Uint8Array(await drawPdf(document));
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

type TJob = { id: number; document: TPdfDocument; resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
type TThread = { worker: Worker; job: TJob | null };

const threads: TThread[] = [];
const queue: TJob[] = [];
let lastId = 0;

function startThread(): TThread {
  // Resolved from the app's root, where `npm start`, the tests and the scripts run: inside a bundle
  // import.meta.url names a chunk, not this file.
  const root = process.cwd();
  const tsxPath = createRequire(path.join(root, "package.json")).resolve("tsx/cjs");
  const rendererPath = path.join(root, "server", "pdf", "render-pdf.ts");
  const worker = new Worker(workerSource, { eval: true, workerData: { tsxPath, rendererPath, nice: PDF_THREAD_NICE } });
  const thread: TThread = { worker, job: null };
  // An idle thread must not keep a script (the seed, a test) from exiting.
  worker.unref();
  worker.on("message", ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
    const job = thread.job;
    if (!job || job.id !== id) return;
    thread.job = null;
    if (error !== undefined || !bytes) job.reject(new Error(error ?? "the PDF thread sent no bytes"));
    else job.resolve(bytes);
    dispatch();
  });
  const lose = (error: Error) => {
    const index = threads.indexOf(thread);
    if (index < 0) return;
    threads.splice(index, 1);
    thread.job?.reject(error);
    thread.job = null;
    dispatch();
  };
  worker.on("error", lose);
  worker.on("exit", (code) => lose(new Error(`a PDF thread stopped (exit code ${code})`)));
  threads.push(thread);
  return thread;
}

/** Hands queued documents to idle threads, starting threads up to the pool's size. */
function dispatch() {
  while (queue.length > 0) {
    const thread = threads.find((candidate) => candidate.job === null) ?? (threads.length < pdfThreadCount ? startThread() : null);
    if (!thread) return;
    const job = queue.shift()!;
    thread.job = job;
    // Keep the process alive while a document is owed; let it go when the thread is idle again.
    thread.worker.ref();
    thread.worker.postMessage({ id: job.id, document: job.document });
  }
  for (const thread of threads) if (thread.job === null) thread.worker.unref();
}

/** Draws a document on a PDF thread; resolves to the bytes of the file. */
export function drawOnPdfThread(document: TPdfDocument): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    queue.push({ id: (lastId += 1), document, resolve, reject });
    dispatch();
  });
}

/** Starts the pool's threads ahead of the first document (at server start), so no applicant waits for one to load. */
export function startPdfThreads(): void {
  while (threads.length < pdfThreadCount) startThread();
}
