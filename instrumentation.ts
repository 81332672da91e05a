/**
 * Runs once when a Next.js server starts (never during `next build`): strips query parameters from database errors
 * before anything can print them (db/redact-query-errors.ts); checks the settings, so a bad or missing one
 * (PUBLIC_BASE_URL in production on PostgreSQL) stops the server at once with its name; opens the database, so a
 * second server pointed at the same DATA_DIR fails immediately with the name of the process that holds it, instead
 * of at its first request; publishes the licence signing key (retiring the one it replaces); then starts the outbox
 * worker that delivers notifications (unless OUTBOX_WORKER=off). `onRequestError` writes each unhandled error of a
 * page, action or route handler as one structured, scrubbed log line (server/log/logger.ts), and tells the
 * availability watch about it.
 *
 * PostgreSQL down at start-up does not stop the server: it serves 503 (health and pages) until the database
 * answers, publishing the signing key then, so an orchestrator restarting it in a loop gains nothing.
 */
import type { Instrumentation } from "next";

export async function register() {
  // A dynamic import behind the runtime test, as Next's docs advise: the Edge bundle leaves the Node-only code out.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("./instrumentation-node");
    await registerNode();
  }
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // An error that says PostgreSQL is unreachable turns the pages to 503 at once.
  const { noteDatabaseFailure } = await import("@/db/availability");
  noteDatabaseFailure(error);
  const { logger } = await import("@/server/log/logger");
  // The path is scrubbed of its query string (a licence link's payload, a search); headers are not logged at all.
  logger.error({ err: error, request: { method: request.method, path: request.path }, route: { path: context.routePath, type: context.routeType } }, "request failed");
};
