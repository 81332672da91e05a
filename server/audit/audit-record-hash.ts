/**
 * The chain's hash of one audit record, shared by the sealer and the verifier (and the benchmark). Both read the row
 * through `auditRowColumns`, which gives every value as text straight from PostgreSQL — ids, the position and the
 * time (integer milliseconds) included — so JavaScript never reformats a number or a date on the way. The details
 * are hashed as PostgreSQL's own text of the jsonb value, which is normalized (keys sorted, fixed spacing) and the
 * same on PGlite; outside verifiers reproduce it by asking PostgreSQL for `details::text`.
 *
 *   hash = sha256( previous hash (hex; "" for the first record) ‖ "\n" ‖ JSON array of the fields ‖ "\n" ‖ details )
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";

export type TAuditChainRow = {
  id: string;
  position: string | null;
  hash: string | null;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  outcome: string;
  purpose: string | null;
  request_id: string | null;
  source_address: string | null;
  details: string;
};

export const auditRowColumns = sql.raw(
  `id::text as id, position::text as position, hash, (extract(epoch from at) * 1000)::bigint::text as at, actor_id::text as actor_id, actor_role, action, target_type, target_id, outcome, purpose, request_id, source_address, details::text as details`,
);

export function canonicalAuditRecord(position: string, row: TAuditChainRow): string {
  return `${JSON.stringify([position, row.id, row.at, row.actor_id, row.actor_role, row.action, row.target_type, row.target_id, row.outcome, row.purpose, row.request_id, row.source_address])}\n${row.details}`;
}

export function hashAuditRecord(previousHash: string | null, position: string, row: TAuditChainRow): string {
  return createHash("sha256")
    .update(`${previousHash ?? ""}\n`)
    .update(canonicalAuditRecord(position, row))
    .digest("hex");
}
