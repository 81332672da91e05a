/**
 * Verifies the audit trail end to end (npm run audit:verify, /admin/audit): seals what is committed, then walks the
 * chain in position order recomputing every hash (an edited record, or a gap where one was deleted, is named),
 * checks that the chain reaches every checkpoint with the signed hash (a truncated tail, or a chain rebuilt after an
 * edit, is named), every checkpoint's signature, that each case event anchored in the chain still has the hash the
 * chain holds, and every case trail (server/cases/verify-all-case-trails.ts). The outcome is stored with its time.
 */
import { asc, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { auditCheckpoints, auditSigningKeys, auditVerifications, type TAuditCheckpoint, type TAuditVerification } from "@/db/schema";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";
import { auditRowColumns, hashAuditRecord, type TAuditChainRow } from "./audit-record-hash";
import { checkpointSignatureHolds } from "./checkpoint-payload";
import { sealAuditRecords } from "./seal-audit-records";

export type TBrokenRecord = { table: "audit_records" | "audit_checkpoints" | "case_events"; id: string; reason: string };

export type TChainVerification = { records: number; checkpoints: number; broken: TBrokenRecord | null };

/** The chain and the checkpoints alone (what the benchmark times): no sealing, no case trails, nothing stored. */
export async function verifyAuditChain({ db, pageSize = 50_000 }: { db: TDatabase; pageSize?: number }): Promise<TChainVerification> {
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.position), asc(auditCheckpoints.id));
  const keys = new Map((await db.select().from(auditSigningKeys)).map((key) => [key.keyId, key.publicKey]));
  const result = (broken: TBrokenRecord | null, records: number) => ({ records, checkpoints: checkpoints.length, broken });

  for (const checkpoint of checkpoints) {
    const publicKey = keys.get(checkpoint.keyId);
    if (!publicKey || !checkpointSignatureHolds(checkpoint, checkpoint.signature, publicKey)) {
      return result({ table: "audit_checkpoints", id: String(checkpoint.id), reason: "signature" }, 0);
    }
  }
  const byPosition = new Map<number, TAuditCheckpoint[]>();
  for (const checkpoint of checkpoints) byPosition.set(checkpoint.position, [...(byPosition.get(checkpoint.position) ?? []), checkpoint]);

  let position = 0;
  let previous: string | null = null;
  for (;;) {
    const rows = await executeRows<TAuditChainRow>(
      db,
      sql`select ${auditRowColumns} from audit_records where audit_records.position > ${position} order by audit_records.position limit ${pageSize}`,
    );
    for (const row of rows) {
      const expected = String(position + 1);
      // A gap: the record that held the missing position was deleted; the one after it is where the chain breaks.
      if (row.position !== expected) return result({ table: "audit_records", id: row.id, reason: "gap" }, position);
      const hash = hashAuditRecord(previous, expected, row);
      if (row.hash !== hash) return result({ table: "audit_records", id: row.id, reason: "hash" }, position);
      position += 1;
      previous = hash;
      for (const checkpoint of byPosition.get(position) ?? []) {
        if (checkpoint.hash !== hash) return result({ table: "audit_checkpoints", id: String(checkpoint.id), reason: "head" }, position);
      }
    }
    if (rows.length < pageSize) break;
  }
  // A checkpoint past the end: the chain was cut back after it was signed.
  const beyond = checkpoints.find((checkpoint) => checkpoint.position > position);
  if (beyond) return result({ table: "audit_checkpoints", id: String(beyond.id), reason: "truncated" }, position);
  return result(null, position);
}

/** Case events anchored in the chain whose event is gone, or holds another hash now. */
async function findBrokenAnchor(db: TDatabase): Promise<TBrokenRecord | null> {
  const [row] = await executeRows<{ audit_id: string; event_id: string; missing: boolean }>(
    db,
    sql`select a.id::text as audit_id, a.details->>'eventId' as event_id, e.id is null as missing
      from audit_records a left join case_events e on e.id = (a.details->>'eventId')::bigint
      where a.target_type = 'case' and a.details ? 'eventHash' and (e.id is null or e.hash <> a.details->>'eventHash')
      order by a.position limit 1`,
  );
  if (!row) return null;
  return row.missing ? { table: "audit_records", id: row.audit_id, reason: "case-event-missing" } : { table: "case_events", id: row.event_id, reason: "case-event-changed" };
}

export async function verifyAuditTrail({ db, now = () => new Date() }: { db: TDatabase; now?: () => Date }): Promise<TAuditVerification> {
  const startedAt = now();
  await sealAuditRecords({ db });
  const chain = await verifyAuditChain({ db });
  let broken = chain.broken ?? (await findBrokenAnchor(db));
  const trails = await verifyAllCaseTrails({ db });
  if (!broken && trails.broken.length > 0) {
    const [first] = trails.broken;
    broken = { table: "case_events", id: String(first.eventId), reason: "case-trail" };
  }
  const [stored] = await db
    .insert(auditVerifications)
    .values({
      startedAt,
      finishedAt: now(),
      ok: broken === null,
      records: chain.records,
      checkpoints: chain.checkpoints,
      caseTrails: trails.cases,
      brokenTable: broken?.table ?? null,
      brokenId: broken?.id ?? null,
      reason: broken?.reason ?? null,
    })
    .returning();
  return stored;
}
