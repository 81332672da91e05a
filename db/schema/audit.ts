/**
 * The audit trail (审计留痕): one append-only table of every act worth answering for — state changes of cases (each
 * anchoring its case event's hash), admin changes, sign-ins, reveals of personal data, opens of materials, downloads
 * of documents — written in the transaction of the act by server/audit/record-audit.ts. Rows are sealed into one
 * hash chain afterwards (server/audit/seal-audit-records.ts), and the chain's head is signed now and then into a
 * checkpoint that outsiders keep copies of (/api/v1/audit/checkpoints). Decision 038.
 *
 * The database refuses TRUNCATE always, UPDATE except the one-time sealing (migration 0029_audit), and DELETE except
 * the retention's removal of records older than AUDIT_RETENTION_MONTHS up to a signed checkpoint (migration 0032,
 * server/audit/prune-audit-records.ts).
 */
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";

/** What was done. A new kind of act adds its name here (and its label in messages' Audit.actions). */
export const auditActions = [
  "case-event",
  "personal-data-revealed",
  "material-opened",
  "licence-revoked",
  "admin-change",
  "sign-in",
  "licence-holder-checked",
  "document-downloaded",
  "audit-verified",
  "audit-key-rotated",
  "audit-pruned",
] as const;
export type TAuditAction = (typeof auditActions)[number];

export const auditOutcomes = ["ok", "refused", "failed"] as const;
export type TAuditOutcome = (typeof auditOutcomes)[number];

export const auditRecords = pgTable(
  "audit_records",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // Milliseconds, so the integer the chain hashes is the same read from SQL or from JavaScript.
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Null for the system (the overdue sweep, an automatic approval) and for a sign-in of an unknown name. */
    actorId: uuid("actor_id"),
    actorRole: text("actor_role"),
    action: text("action", { enum: auditActions }).notNull(),
    /** What was acted on: "case", "user", "licence", "document", "material", an admin entity … and its key as text. */
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    outcome: text("outcome", { enum: auditOutcomes }).notNull().default("ok"),
    /** Why, where the act asks for a reason (a reveal's purpose). */
    purpose: text("purpose"),
    requestId: text("request_id"),
    sourceAddress: text("source_address"),
    /** Small facts of the act; never a whole personal number, a mobile or a secret (record-audit.ts drops them). */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** 1, 2, 3 … in sealing order; null until sealed. */
    position: bigint("position", { mode: "number" }),
    /** sha256(previous record's hash ‖ this record's canonical form), hex; null until sealed. */
    hash: text("hash"),
  },
  (table) => [
    uniqueIndex("audit_records_position_idx").on(table.position),
    // The sealer's work list: only the few rows not sealed yet.
    index("audit_records_unsealed_idx").on(table.id).where(sql`${table.position} is null`),
    index("audit_records_target_idx").on(table.targetType, table.targetId, table.id),
  ],
);
export type TAuditRecord = typeof auditRecords.$inferSelect;

/** Signed chain heads: each says "the chain had these many records, ending in this hash", under an audit key. */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  position: bigint("position", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  signedAt: timestamp("signed_at", { withTimezone: true, precision: 3 }).notNull(),
  keyId: text("key_id")
    .notNull()
    .references(() => auditSigningKeys.keyId),
  /** Ed25519 over server/audit/checkpoint-payload.ts's bytes, base64url. */
  signature: text("signature").notNull(),
});
export type TAuditCheckpoint = typeof auditCheckpoints.$inferSelect;

/** Every public key that has signed a checkpoint (the licence keys' twin, with a key of its own). */
export const auditSigningKeys = pgTable("audit_signing_keys", {
  keyId: text("key_id").primaryKey(),
  algorithm: text("algorithm", { enum: ["Ed25519"] }).notNull().default("Ed25519"),
  publicKey: text("public_key").notNull(),
  createdAt: createdAt(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});
export type TAuditSigningKey = typeof auditSigningKeys.$inferSelect;

/** Each run of the verification (npm run audit:verify, the admin page, the worker): when, and what it found. */
export const auditVerifications = pgTable("audit_verifications", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }).notNull(),
  ok: boolean("ok").notNull(),
  records: bigint("records", { mode: "number" }).notNull(),
  checkpoints: integer("checkpoints").notNull(),
  caseTrails: integer("case_trails").notNull(),
  /** The first broken record: its table ("audit_records", "audit_checkpoints", "case_events") and id, and why. */
  brokenTable: text("broken_table"),
  brokenId: text("broken_id"),
  reason: text("reason"),
});
export type TAuditVerification = typeof auditVerifications.$inferSelect;
