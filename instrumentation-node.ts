/**
 * The Node.js half of instrumentation.ts: start-up checks and the outbox worker. Kept in a module of its own that
 * instrumentation.ts imports only when NEXT_RUNTIME is "nodejs", so the Edge build never sees process.exit and
 * friends (and `next build` stays free of warnings, which `npm test` requires).
 */
export async function registerNode() {
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
  // PDFs are drawn on threads of their own; loading one takes about a second, better spent now than by an applicant.
  const { startPdfThreads } = await import("@/server/pdf/pdf-threads");
  startPdfThreads();
  if (env.OUTBOX_WORKER === "off") return;
  const { getActiveAuditKey, registerActiveAuditKey } = await import("@/server/audit/audit-signing-key");
  const auditKey = getActiveAuditKey();
  await registerActiveAuditKey(getDatabaseHandle().db, auditKey).catch((error: unknown) => logger.error({ err: error }, "publishing the audit key failed; the first checkpoint publishes it"));
  const { createMailer } = await import("@/server/notifications/mailer");
  const { startOutboxWorker } = await import("@/server/notifications/start-outbox-worker");
  startOutboxWorker({ db: getDatabaseHandle().db, mailer: createMailer(env), digestIntervalMinutes: env.DESK_DIGEST_MINUTES,
    audit: { key: auditKey, every: env.AUDIT_CHECKPOINT_EVERY, minutes: env.AUDIT_CHECKPOINT_MINUTES, retentionMonths: env.AUDIT_RETENTION_MONTHS },
  });
}
