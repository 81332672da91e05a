/**
 * Seals committed audit records into the one chain: in id order, each unsealed row gets the next position and
 * hash = sha256(previous hash ‖ canonical record) (audit-record-hash.ts). Run by the background worker's tick, and
 * before every checkpoint and verification. Writers never wait for it: they insert unsealed rows in their own
 * transactions, and a row still uncommitted is not seen here and is sealed by a later run. A transaction-scoped
 * advisory lock makes sealers of every replica take turns, so the chain has one head; the trigger of migration
 * 0029_audit lets the sealing write only null chain fields, once.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { auditRowColumns, hashAuditRecord, type TAuditChainRow } from "./audit-record-hash";

/** The advisory lock's key: hashtext('onedoor:audit-chain'), fixed so every replica takes the same lock. */
const chainLock = sql`select pg_advisory_xact_lock(hashtext('onedoor:audit-chain'))`;

export type TChainHead = { position: number; hash: string } | null;

export async function readChainHead(db: TDatabase): Promise<TChainHead> {
  const [head] = await executeRows<{ position: string; hash: string }>(
    db,
    sql`select position::text as position, hash from audit_records where audit_records.position is not null order by audit_records.position desc limit 1`,
  );
  return head ? { position: Number(head.position), hash: head.hash } : null;
}

export async function sealAuditRecords({ db, batchSize = 5_000 }: { db: TDatabase; batchSize?: number }): Promise<{ sealed: number; head: TChainHead }> {
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.execute(chainLock);
      const head = await readChainHead(tx);
      const rows = await executeRows<TAuditChainRow>(tx, sql`select ${auditRowColumns} from audit_records where position is null order by audit_records.id limit ${batchSize}`);
      let position = head?.position ?? 0;
      let previous = head?.hash ?? null;
      const ids: string[] = [];
      const positions: string[] = [];
      const hashes: string[] = [];
      for (const row of rows) {
        position += 1;
        previous = hashAuditRecord(previous, String(position), row);
        ids.push(row.id);
        positions.push(String(position));
        hashes.push(previous);
      }
      if (rows.length > 0) {
        await tx.execute(sql`
          update audit_records set position = sealed.position, hash = sealed.hash
          from (select unnest(${`{${ids.join(",")}}`}::bigint[]) as id, unnest(${`{${positions.join(",")}}`}::bigint[]) as position,
            unnest(${`{${hashes.join(",")}}`}::text[]) as hash) as sealed
          where audit_records.id = sealed.id`);
      }
      return { count: rows.length, head: rows.length > 0 ? { position, hash: previous! } : head };
    });
    sealed += batch.count;
    if (batch.count < batchSize) return { sealed, head: batch.head };
  }
}
