/**
 * Runs once when a Next.js server starts (never during `next build`): strips query parameters from database errors
 * before anything can print them (db/redact-query-errors.ts); opens the database at once, so a second server
 * pointed at the same DATA_DIR fails immediately with the name of the process that holds it, instead of at its
 * first request; publishes the licence signing key (retiring the one it replaces); then starts the outbox worker
 * that delivers notifications (unless OUTBOX_WORKER=off). `onRequestError` writes each unhandled error of a page,
 * action or route handler as one structured, scrubbed log line (server/log/logger.ts).
 */
import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installQueryErrorRedaction } = await import("@/db/redact-query-errors");
  installQueryErrorRedaction();
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { logger } = await import("@/server/log/logger");
  const { getDatabaseHandle } = await import("@/db/client");
  const { DataDirLockedError } = await import("@/db/data-dir-lock");
  try {
    getDatabaseHandle();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      logger.fatal(error.message);
      process.exit(3);
    }
    throw error;
  }
  const { getEnv } = await import("@/server/env");
  const env = getEnv();
  const { getActiveSigningKey, registerActiveSigningKey } = await import("@/server/licences/signing-keys");
  if (process.env.DATABASE_URL && !env.LICENCE_SIGNING_KEY) {
    logger.warn("LICENCE_SIGNING_KEY is not set: this replica signs licences with its own key from DATA_DIR. Give every replica the same key (docs/OPERATIONS.md).");
  }
  if (process.env.DATABASE_URL && !env.LICENCE_HASH_KEY) {
    logger.warn("LICENCE_HASH_KEY is not set: this replica hashes licences' personal numbers with its own key from DATA_DIR, and cannot check those hashed by another. Give every replica the same key (docs/OPERATIONS.md).");
  }
  await registerActiveSigningKey(getDatabaseHandle().db, getActiveSigningKey());
  if (env.OUTBOX_WORKER === "off") return;
  const { createMailer } = await import("@/server/notifications/mailer");
  const { startOutboxWorker } = await import("@/server/notifications/start-outbox-worker");
  startOutboxWorker({ db: getDatabaseHandle().db, mailer: createMailer(env) });
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("@/server/log/logger");
  // The path is scrubbed of its query string (a licence link's payload, a search); headers are not logged at all.
  logger.error({ err: error, request: { method: request.method, path: request.path }, route: { path: context.routePath, type: context.routeType } }, "request failed");
};
