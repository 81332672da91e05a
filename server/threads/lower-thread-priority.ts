/**
 * A worker thread that does heavy CPU work (a password check, a PDF) lowers its own priority, so that when the cores
 * are busy the kernel gives the event loop the core first and everybody's page views do not wait behind it.
 * Linux: setpriority on the thread's own id ("/proc/thread-self" links to "<pid>/task/<tid>"), which needs no
 * privilege. Elsewhere the thread keeps the process's priority.
 *
 * JavaScript source, for workers evaluated from a string (the bundler has no file to find); expects `workerData.nice`.
 */
export const lowerThreadPrioritySource = `
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) require("node:os").setPriority(tid, require("node:worker_threads").workerData.nice);
} catch {
  // Not Linux: the thread keeps the process's priority.
}
`;
