/**
 * E-licences (电子证照) in applicants' wallets: the results of approvals, reusable instead of paper (免提交) and
 * as a prefill source (免填报). Each licence is signed with Ed25519 over its printed content
 * (server/licences/licence-payload.ts), so anyone can verify it at /verify/<id> or offline with the published keys.
 */
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TLicenceDataField } from "@/lib/licences/licence-template";
import { cases, tasks } from "./cases";
import { departments } from "./catalog";
import { createdAt, localizedText } from "./columns";
import { companies, users } from "./identity";
import { sealedJsonb, sealedText } from "./sealed-columns";

/** Feeds licence numbers: <prefix>-<yyyymmdd>-<this sequence>. */
export const licenceNumberSequence = pgSequence("licence_number_seq", { startWith: 1, increment: 1 });

export const licenceStatuses = ["valid", "revoked"] as const;
export type TLicenceStatus = (typeof licenceStatuses)[number];

export const licences = pgTable(
  "licences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The number printed on the licence. */
    number: text("number").notNull().unique(),
    /** Licence type, e.g. "business-licence", "birth-certificate"; form fields name types they accept. */
    type: text("type").notNull(),
    title: localizedText("title").notNull(),
    /** A person's licence, or a company's (then any of its staff may use it). */
    holderUserId: uuid("holder_user_id").references(() => users.id),
    holderCompanyId: uuid("holder_company_id").references(() => companies.id),
    /** The holder as printed: a person's name and resident ID number, or a company's name and USCC. */
    holderName: text("holder_name").notNull(),
    holderIdNumber: sealedText("holder_id_number", "licences.holder_id_number"),
    holderUscc: text("holder_uscc"),
    issuingDepartmentId: uuid("issuing_department_id")
      .notNull()
      .references(() => departments.id),
    /**
     * The issuing department's code and name as printed on the day of issue: renaming a department later must not
     * turn the licences it issued into forgeries.
     */
    issuerCode: text("issuer_code").notNull(),
    issuerName: localizedText("issuer_name").notNull(),
    /** The licence's data items, readable by prefill as `licence.<type>.<key>`. */
    data: sealedJsonb<Record<string, string>>("data", "licences.data").notNull().default({}),
    /** The printed label of each data item, in print order (jsonb keeps no key order, an array does). */
    dataFields: jsonb("data_fields").$type<TLicenceDataField[]>().notNull().default([]),
    status: text("status", { enum: licenceStatuses }).notNull().default("valid"),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    /** The approval that issued it; null for licences brought into the wallet by the seed. */
    caseId: uuid("case_id").references(() => cases.id),
    taskId: uuid("task_id").references(() => tasks.id),
    /**
     * Ed25519 signature (base64url) over the canonical printed content, by the key `keyId`. Null only for a
     * licence stored before licences were signed, until setup signs it (server/licences/sign-unsigned-licences.ts).
     */
    signature: text("signature"),
    keyId: text("key_id").references(() => licenceSigningKeys.keyId),
    /** The payload format the signature covers (server/licences/licence-payload.ts); older ones are re-signed at setup. */
    payloadVersion: integer("payload_version").notNull().default(1),
    /**
     * The secret key (server/licences/licence-hash-key.ts) whose keyed hashes of the holder's ID number and of data
     * items holding personal numbers the signed payload carries instead of the numbers; null when it holds none.
     * Licences hashed with a key that was rotated out are re-hashed and re-signed at setup.
     */
    hashKeyId: text("hash_key_id"),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedById: uuid("revoked_by_id").references(() => users.id),
    /** Public: shown to the holder and to anyone who verifies the licence. */
    revocationReason: text("revocation_reason"),
    createdAt: createdAt(),
  },
  (table) => [
    // The wallet's keyset pages (server/licences/list-my-licences.ts): each holder's licences in signing order.
    index("licences_holder_user_idx").on(table.holderUserId, table.signedAt, table.id),
    index("licences_holder_company_idx").on(table.holderCompanyId, table.signedAt, table.id),
    // One approval issues one licence, however often the issuing code runs.
    uniqueIndex("licences_task_idx").on(table.taskId).where(sql`${table.taskId} is not null`),
    index("licences_issuer_idx").on(table.issuingDepartmentId, table.signedAt),
  ],
);
export type TLicence = typeof licences.$inferSelect;

/**
 * Every public key that has ever signed a licence: the published set (/api/v1/licences/keys). A rotated key stays
 * here with `retired_at` set, so what it signed keeps verifying. Private keys never enter the database.
 */
export const licenceSigningKeys = pgTable("licence_signing_keys", {
  /** First 16 hex digits of the SHA-256 of the raw public key. */
  keyId: text("key_id").primaryKey(),
  algorithm: text("algorithm", { enum: ["Ed25519"] }).notNull().default("Ed25519"),
  /** The raw 32-byte public key, base64url (as a JWK's "x"). */
  publicKey: text("public_key").notNull(),
  createdAt: createdAt(),
  /** When another key took over signing; the key still verifies what it signed. */
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});
export type TLicenceSigningKey = typeof licenceSigningKeys.$inferSelect;
