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
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installQueryErrorRedaction } = await import("@/db/redact-query-errors");
  installQueryErrorRedaction();
  const { PHASE_PRODUCTION_BUILD } = await import("next/constants");
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { logger } = await import("@/server/log/logger");
  const { getEnv } = await import("@/server/env");
  const { getDatabaseHandle } = await import("@/db/client");
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    logger.fatal((error as Error).message);
    process.exit(78); // EX_CONFIG: restarting will not help until the setting is fixed
  }
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
  const { getActiveSigningKey, registerActiveSigningKey } = await import("@/server/licences/signing-keys");
  if (env.DATABASE_URL && !env.LICENCE_SIGNING_KEY) {
    logger.warn("LICENCE_SIGNING_KEY is not set: this replica signs licences with its own key from DATA_DIR. Give every replica the same key (docs/OPERATIONS.md).");
  }
  if (env.DATABASE_URL && !env.LICENCE_HASH_KEY) {
    logger.warn("LICENCE_HASH_KEY is not set: this replica hashes licences' personal numbers with its own key from DATA_DIR, and cannot check those hashed by another. Give every replica the same key (docs/OPERATIONS.md).");
  }
  const { noteDatabaseFailure } = await import("@/db/availability");
  const key = getActiveSigningKey();
  const publishKey = () => registerActiveSigningKey(getDatabaseHandle().db, key);
  try {
    await publishKey();
  } catch (error) {
    if (!noteDatabaseFailure(error)) throw error;
    // Signing transactions publish their key themselves, so nothing is signed with an unpublished key meanwhile.
    logger.warn("PostgreSQL is unreachable at start-up: serving 503 until it answers, then publishing the signing key");
    const retry = () =>
      setTimeout(() => {
        publishKey().then(
          () => logger.warn("signing key published"),
          (failure: unknown) => (noteDatabaseFailure(failure) ? retry() : logger.error({ err: failure }, "publishing the signing key failed")),
        );
      }, 5_000).unref();
    retry();
  }
  if (env.OUTBOX_WORKER === "off") return;
  const { createMailer } = await import("@/server/notifications/mailer");
  const { startOutboxWorker } = await import("@/server/notifications/start-outbox-worker");
  startOutboxWorker({ db: getDatabaseHandle().db, mailer: createMailer(env) });
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
