/**
 * Audit retention (等保 2.0: kept at least six months): records older than AUDIT_RETENTION_MONTHS are removed, but
 * only up to a signed checkpoint, so what is kept still verifies from a signed hash. Run by the outbox worker's
 * round at most once an hour when the setting is given; unset, records are kept for ever.
 *
 * The cut is the newest checkpoint signed before the retention's start: every record up to its position was
 * sealed before it was signed, so none is younger than the retention. The removal and its audit record
 * ("audit-pruned", naming the checkpoint's position and hash) are one transaction; verification
 * (verify-audit-trail.ts) accepts a chain starting after position P only with a signed checkpoint at P and that
 * record in the chain, so a head cut by anyone else is still named.
 */
import { and, desc, isNotNull, lt, lte, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { auditCheckpoints, auditRecords } from "@/db/schema";
import { recordAudit } from "./record-audit";

/** The fewest months a deployment may keep its trail (等保 2.0 三级: 审计记录留存不少于六个月). */
export const MIN_AUDIT_RETENTION_MONTHS = 6;

export function retentionStart(now: Date, months: number): Date {
  const start = new Date(now);
  start.setUTCMonth(start.getUTCMonth() - months);
  return start;
}

export async function pruneAuditRecords({ db, months, now = new Date() }: { db: TDatabase; months: number; now?: Date }): Promise<{ removed: number; throughPosition: number | null }> {
  if (!Number.isInteger(months) || months < MIN_AUDIT_RETENTION_MONTHS) throw new Error(`audit retention must be at least ${MIN_AUDIT_RETENTION_MONTHS} months, got ${months}`);
  const [cut] = await db
    .select({ position: auditCheckpoints.position, hash: auditCheckpoints.hash })
    .from(auditCheckpoints)
    .where(lt(auditCheckpoints.signedAt, retentionStart(now, months)))
    .orderBy(desc(auditCheckpoints.position))
    .limit(1);
  if (!cut) return { removed: 0, throughPosition: null };
  return db.transaction(async (tx) => {
    // Two replicas' workers pruning at once: the second waits, then finds nothing left to remove.
    await tx.execute(sql`select pg_advisory_xact_lock(720382)`);
    const [{ first }] = await executeRows<{ first: string | null }>(tx, sql`select min(position)::text as first from audit_records where position is not null`);
    if (first === null || Number(first) > cut.position) return { removed: 0, throughPosition: null };
    await tx.execute(sql`select set_config('onedoor.audit_prune_through', ${String(cut.position)}, true)`);
    const removed = await tx.delete(auditRecords).where(and(isNotNull(auditRecords.position), lte(auditRecords.position, cut.position))).returning({ id: auditRecords.id });
    await recordAudit({
      db: tx,
      actorId: null,
      actorRole: null,
      action: "audit-pruned",
      targetType: "audit",
      targetId: String(cut.position),
      details: { throughPosition: cut.position, checkpointHash: cut.hash, removed: removed.length, retentionMonths: months },
      request: { requestId: null, sourceAddress: null },
    });
    return { removed: removed.length, throughPosition: cut.position };
  });
}
