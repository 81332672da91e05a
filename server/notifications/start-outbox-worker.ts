/**
 * The outbox worker: a loop inside the server process that delivers due outbox rows — at once again after a full
 * batch, every couple of seconds when idle, backing off while the database is unreachable. Every replica may run
 * one: deliverOutbox claims rows with SKIP LOCKED, so replicas share the work without delivering a row twice.
 * At most once a minute a round first sweeps for overdue tasks (server/workflow/sweep-overdue-tasks.ts, which also
 * locks with SKIP LOCKED), so their notifications go out in the same round, and purges expired drafts
 * (server/drafts/purge-expired-drafts.ts) and orphaned uploads (server/materials/purge-orphaned-uploads.ts), so
 * that no page view has to, and sends each department its digest of
 * new tasks when one is due (server/workflow/send-new-task-digests.ts). A failed sweep, purge or digest is logged and
 * tried again a minute later; none holds up delivery, nor the others. The same round seals committed audit records
 * into the chain and signs a checkpoint when one is due (server/audit/make-checkpoint.ts, decision 038), once an hour
 * removes audit records past AUDIT_RETENTION_MONTHS (server/audit/prune-audit-records.ts), verifies the trail once a
 * day (server/audit/verify-audit-when-due.ts), and, after a
 * data key was rotated in DATA_DIR, starts sealing everything again under the new key beside the loop (decision 041).
 * Started by instrumentation.ts when a server starts (never during `next build`); OUTBOX_WORKER=off disables it.
 */
import { noteDatabaseFailure } from "@/db/availability";
import type { TDatabase } from "@/db/client";
import { purgeExpiredDrafts } from "@/server/drafts/purge-expired-drafts";
import { purgeOrphanedUploads } from "@/server/materials/purge-orphaned-uploads";
import { sendNewTaskDigests } from "@/server/workflow/send-new-task-digests";
import { sweepOverdueTasks } from "@/server/workflow/sweep-overdue-tasks";
import { deliverOutbox } from "./deliver-outbox";
import type { TMailer } from "./mailer";
import { logger } from "@/server/log/logger";
import { makeCheckpointWhenDue } from "@/server/audit/make-checkpoint";
import { pruneAuditRecords } from "@/server/audit/prune-audit-records";
import { verifyAuditWhenDue } from "@/server/audit/verify-audit-when-due";
import type { TSigningKey } from "@/server/licences/signing-keys";
import { dataKeysFromDirectory, getDataKeys } from "@/db/sealing/data-keys";
import { finishDataKeyRotation } from "@/server/data-protection/finish-data-key-rotation";

export type TOutboxWorker = {
  /** Stops the loop and resolves when a delivery under way has finished. */
  stop: () => Promise<void>;
};

const globalForWorker = globalThis as typeof globalThis & { __onedoorOutboxWorker?: TOutboxWorker };

export function startOutboxWorker({
  db,
  mailer = null,
  batchSize = 50,
  idleDelayMs = 2_000,
  maxErrorDelayMs = 60_000,
  sweepIntervalMs = 60_000,
  digestIntervalMinutes = 10,
  onBatch,
  onSweep,
  onPurge,
  audit,
}: {
  db: TDatabase;
  mailer?: TMailer | null;
  batchSize?: number;
  idleDelayMs?: number;
  maxErrorDelayMs?: number;
  /** The least time between two overdue sweeps of this process, whether the last one succeeded or failed. */
  sweepIntervalMs?: number;
  /** DESK_DIGEST_MINUTES: the least time between two new-task digests to one department. */
  digestIntervalMinutes?: number;
  /** Called after each round with its counts, or the error it met (tests wait on it instead of sleeping). */
  onBatch?: (outcome: { delivered: number; failed: number } | { error: unknown }) => void;
  /** Called after each overdue sweep with the number of tasks told, or the error it met. */
  onSweep?: (outcome: { notified: number } | { error: unknown }) => void;
  /** Called after each purge of expired drafts with the number deleted, or the error it met. */
  onPurge?: (outcome: { deleted: number } | { error: unknown }) => void;
  /**
   * The audit checkpoint key, AUDIT_CHECKPOINT_EVERY / _MINUTES and AUDIT_RETENTION_MONTHS (unset: kept for ever);
   * absent, this worker leaves the chain alone.
   */
  audit?: { key: TSigningKey; every: number; minutes: number; retentionMonths?: number };
}): TOutboxWorker {
  // Next.js may evaluate server modules more than once in one process; one loop per process is enough.
  if (globalForWorker.__onedoorOutboxWorker) return globalForWorker.__onedoorOutboxWorker;

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let errorDelayMs = idleDelayMs;
  let nextSweepAt = 0;
  let nextPruneAt = 0;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick();
    }, delayMs);
    // The loop alone must not keep a process alive (scripts, tests); a server stays up for its own reasons.
    timer.unref();
  };

  const sweepWhenDue = async () => {
    if (Date.now() < nextSweepAt) return;
    nextSweepAt = Date.now() + sweepIntervalMs;
    try {
      const { notified } = await sweepOverdueTasks({ db });
      onSweep?.({ notified });
    } catch (error) {
      // Nothing is lost: a task whose transaction failed is still untold, and the next sweep finds it again.
      logger.error({ err: error }, "outbox: overdue sweep failed");
      onSweep?.({ error });
    }
    try {
      await sendNewTaskDigests({ db, intervalMinutes: digestIntervalMinutes });
    } catch (error) {
      // Nothing is lost: the tasks stay uncounted and the next round counts them.
      logger.error({ err: error }, "outbox: new-task digest failed");
    }
    try {
      const { deleted } = await purgeExpiredDrafts({ db });
      onPurge?.({ deleted });
    } catch (error) {
      logger.error({ err: error }, "outbox: purge of expired drafts failed");
      onPurge?.({ error });
    }
    try {
      const { deleted } = await purgeOrphanedUploads({ db });
      if (deleted > 0) logger.info({ deleted }, "outbox: orphaned uploads purged");
    } catch (error) {
      logger.error({ err: error }, "outbox: purge of orphaned uploads failed");
    }
    finishKeyRotationInBackground();
    if (!audit) return;
    try {
      await makeCheckpointWhenDue({ db, key: audit.key, every: audit.every, minutes: audit.minutes });
    } catch (error) {
      // Nothing is lost: unsealed records stay, and the next round seals them.
      logger.error({ err: error }, "outbox: sealing the audit chain failed");
    }
    verifyAuditInBackground();
    if (audit.retentionMonths === undefined || Date.now() < nextPruneAt) return;
    nextPruneAt = Date.now() + 60 * 60_000;
    try {
      const { removed, throughPosition } = await pruneAuditRecords({ db, months: audit.retentionMonths });
      if (removed > 0) logger.info({ removed, throughPosition }, "outbox: audit records past their retention removed");
    } catch (error) {
      logger.error({ err: error }, "outbox: audit retention failed");
    }
  };

  // A data key rotated in DATA_DIR (npm run keys:rotate-data beside a running server): every value is sealed again
  // under the new key and the old one retired. Beside the loop, so deliveries go on meanwhile; one at a time.
  let rotating = false;
  const finishKeyRotationInBackground = () => {
    if (rotating || !dataKeysFromDirectory() || !getDataKeys().previous) return;
    rotating = true;
    void finishDataKeyRotation({ db, settleMs: 10_000 })
      .then((result) => {
        if (result.finished) logger.info({ retiredKeyId: result.retiredKeyId, changed: result.changed }, "data key rotation finished");
        else logger.warn({ changed: result.changed }, "data key rotation: rows keep changing under the old key; tried again next round");
      })
      .catch((error: unknown) => logger.error({ err: error }, "data key rotation failed; tried again next round"))
      .finally(() => {
        rotating = false;
      });
  };

  // The trail verified once a day (server/audit/verify-audit-when-due.ts): beside the loop, since reading a large
  // trail takes seconds to minutes; asked at most once an hour whether it is due.
  let verifying = false;
  let nextVerifyCheckAt = 0;
  const verifyAuditInBackground = () => {
    if (verifying || Date.now() < nextVerifyCheckAt) return;
    verifying = true;
    nextVerifyCheckAt = Date.now() + 60 * 60_000;
    void verifyAuditWhenDue({ db })
      .then((verification) => {
        if (verification && !verification.ok) logger.error({ brokenTable: verification.brokenTable, brokenId: verification.brokenId, reason: verification.reason }, "audit trail BROKEN (daily verification): see /admin/audit");
        else if (verification) logger.info({ records: verification.records }, "audit trail verified (daily)");
      })
      .catch((error: unknown) => logger.error({ err: error }, "daily audit verification failed to run; tried again in an hour"))
      .finally(() => {
        verifying = false;
      });
  };

  const tick = async () => {
    await sweepWhenDue();
    try {
      const { delivered, failed } = await deliverOutbox({ db, mailer, limit: batchSize });
      if (failed > 0) logger.warn({ failed }, "outbox: notifications failed: retried later, or after the last attempt kept for an administrator at /admin/outbox");
      errorDelayMs = idleDelayMs;
      schedule(delivered + failed >= batchSize ? 0 : idleDelayMs);
      onBatch?.({ delivered, failed });
    } catch (error) {
      // Nothing is lost: undelivered rows stay in the outbox. Log, wait longer each time, try again.
      logger.error({ err: error }, "outbox: delivery failed");
      noteDatabaseFailure(error);
      errorDelayMs = Math.min(errorDelayMs * 2, maxErrorDelayMs);
      schedule(errorDelayMs);
      onBatch?.({ error });
    }
  };

  const worker: TOutboxWorker = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      if (globalForWorker.__onedoorOutboxWorker === worker) globalForWorker.__onedoorOutboxWorker = undefined;
    },
  };
  globalForWorker.__onedoorOutboxWorker = worker;
  schedule(0);
  return worker;
}
