/**
 * Verifies the audit trail end to end (npm run audit:verify, /admin/audit): seals what is committed, then checks the
 * chain in position order recomputing every hash (an edited record, or a gap where one was deleted, is named; a chain
 * the retention pruned starts from the signed checkpoint at its cut),
 * checks that the chain reaches every checkpoint with the signed hash (a truncated tail, or a chain rebuilt after an
 * edit, is named), every checkpoint's signature, that each case event anchored in the chain still has the hash the
 * chain holds, and every case trail (server/cases/verify-all-case-trails.ts). The outcome is stored with its time.
 */
import { asc, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { auditCheckpoints, auditSigningKeys, auditVerifications, type TAuditVerification } from "@/db/schema";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";
import { auditRecordHashSql } from "./audit-record-hash";
import { checkpointSignatureHolds } from "./checkpoint-payload";
import { sealAuditRecords } from "./seal-audit-records";

export type TBrokenRecord = { table: "audit_records" | "audit_checkpoints" | "case_events"; id: string; reason: string };

export type TChainVerification = { records: number; checkpoints: number; broken: TBrokenRecord | null };

/**
 * The chain and the checkpoints alone (what the benchmark times): no sealing, no case trails, nothing stored. The
 * chain is checked in PostgreSQL in one set-based pass (audit-record-hash.ts): each record's position must follow its
 * predecessor's (a gap is a deleted record; the record after it is named) and its hash must be the sha256 of the
 * predecessor's hash and its canonical form (an edit names the record). The first failure in position order wins.
 */
export async function verifyAuditChain({ db }: { db: TDatabase }): Promise<TChainVerification> {
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.position), asc(auditCheckpoints.id));
  const keys = new Map((await db.select().from(auditSigningKeys)).map((key) => [key.keyId, key.publicKey]));
  const [{ records, last }] = await executeRows<{ records: string; last: string | null }>(
    db,
    sql`select count(*)::text as records, max(position)::text as last from audit_records where position is not null`,
  );
  const result = (broken: TBrokenRecord | null) => ({ records: Number(records), checkpoints: checkpoints.length, broken });

  // After the retention pruned the oldest records (prune-audit-records.ts), the chain starts after a signed
  // checkpoint, from its hash — accepted only with that checkpoint and the prune's own record in the chain.
  const [kept] = await executeRows<{ id: string; position: string }>(db, sql`select id::text as id, position::text as position from audit_records where position is not null order by position limit 1`);
  const prunedThrough = kept ? Number(kept.position) - 1 : 0;
  let startHash = "null";
  if (prunedThrough > 0) {
    const anchor = checkpoints.find((checkpoint) => checkpoint.position === prunedThrough);
    const [pruned] = await executeRows<{ id: string }>(
      db,
      sql`select id::text as id from audit_records where action = 'audit-pruned' and position is not null and details->>'throughPosition' = ${String(prunedThrough)} and details->>'checkpointHash' = ${anchor?.hash ?? ""} limit 1`,
    );
    if (!anchor || !pruned || !/^[0-9a-f]{64}$/.test(anchor.hash)) return result({ table: "audit_records", id: kept.id, reason: "gap" });
    startHash = `'${anchor.hash}'`;
  }

  const [first] = await executeRows<{ id: string; gap: boolean }>(
    db,
    sql`select id::text as id, gap from (
        select id, position, hash, position <> coalesce(lag(position) over chain, ${prunedThrough}) + 1 as gap, ${auditRecordHashSql(`coalesce(lag(hash) over chain, ${startHash})`)} as expected
        from audit_records where position is not null window chain as (order by position)
      ) checked where gap or hash <> expected order by position limit 1`,
  );
  const brokenRecord: TBrokenRecord | null = first ? { table: "audit_records", id: first.id, reason: first.gap ? "gap" : "hash" } : null;
  const brokenAt = first ? Number((await executeRows<{ position: string }>(db, sql`select position::text as position from audit_records where id = ${first.id}`))[0].position) : Infinity;

  // A checkpoint before the first broken record whose hash the chain no longer has: the chain was rebuilt after it.
  const heads = new Map(
    (
      await executeRows<{ position: string; hash: string }>(
        db,
        sql`select position::text as position, hash from audit_records where position = any(${`{${checkpoints.map((checkpoint) => checkpoint.position).join(",")}}`}::bigint[])`,
      )
    ).map((row) => [Number(row.position), row.hash]),
  );
  for (const checkpoint of checkpoints) {
    const publicKey = keys.get(checkpoint.keyId);
    if (!publicKey || !checkpointSignatureHolds(checkpoint, checkpoint.signature, publicKey)) {
      return result({ table: "audit_checkpoints", id: String(checkpoint.id), reason: "signature" });
    }
  }
  for (const checkpoint of checkpoints) {
    // Checkpoints of the pruned part name records no longer kept; their signatures were checked above.
    if (checkpoint.position <= prunedThrough) continue;
    if (checkpoint.position >= brokenAt) break;
    const head = heads.get(checkpoint.position);
    // A checkpoint past the end: the chain was cut back after it was signed.
    if (head === undefined) return result({ table: "audit_checkpoints", id: String(checkpoint.id), reason: checkpoint.position > Number(last ?? 0) ? "truncated" : "head" });
    if (head !== checkpoint.hash) return result({ table: "audit_checkpoints", id: String(checkpoint.id), reason: "head" });
  }
  return result(brokenRecord);
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
