/**
 * The chain's hash of one audit record, shared by the sealer and the verifier (and the benchmark). Both read the row
 * through `auditRowColumns`, which gives every value as text straight from PostgreSQL — ids, the position and the
 * time (integer milliseconds) included — so JavaScript never reformats a number or a date on the way. The details
 * are hashed as PostgreSQL's own text of the jsonb value, which is normalized (keys sorted, fixed spacing) and the
 * same on PGlite; outside verifiers reproduce it by asking PostgreSQL for `details::text`.
 *
 * The verifier recomputes the same bytes in SQL (`auditRecordHashSql`), set-based: given the stored hashes, each
 * record's check needs only its predecessor's hash, so PostgreSQL checks the whole chain in one pass. JSON.stringify
 * and PostgreSQL's to_json escape a string alike (the short escapes, \u00xx for other control characters, nothing
 * else), which audit-trail.test.ts holds with hostile text in every field.
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

/** The fields of the canonical form, in order, as SQL over audit_records (each a JSON string, or null). */
const canonicalFieldsSql = [
  "position::text",
  "id::text",
  "(extract(epoch from at) * 1000)::bigint::text",
  "actor_id::text",
  "actor_role",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "purpose",
  "request_id",
  "source_address",
].map((field) => `coalesce(to_json(${field})::text, 'null')`);

/**
 * The record's hash as SQL, given `previous` (an SQL expression of the previous record's hash, null for the first):
 * the same bytes as hashAuditRecord.
 */
export function auditRecordHashSql(previous: string) {
  return sql.raw(
    `encode(sha256(convert_to(coalesce(${previous}, '') || E'\\n' || '[' || ${canonicalFieldsSql.join(" || ',' || ")} || ']' || E'\\n' || details::text, 'UTF8')), 'hex')`,
  );
}
