/**
 * Written notices and decisions (行政许可法 arts. 32, 38, 40): 受理通知书, 不予受理通知书, 补正告知书, 准予许可决定书,
 * 不予许可决定书. Each is issued by the transition that causes it, in the same transaction, and frozen at issue: the
 * content it prints (department, service, legal basis, reason, remedies …) is stored with it and signed, so the same
 * PDF can be rendered later and an altered row fails verification at /verify/documents/<id>.
 */
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { cases, tasks } from "./cases";
import { departments } from "./catalog";
import { createdAt } from "./columns";
import { users } from "./identity";
import { licenceSigningKeys } from "./licences";

export const caseDocumentKinds = ["acceptance-notice", "refusal-notice", "supplement-notice", "approval-decision", "rejection-decision"] as const;
export type TCaseDocumentKind = (typeof caseDocumentKinds)[number];

/** What a document prints, as it stood on the day of issue: a later rename of a department or edit of a guide changes nothing here. */
export type TCaseDocumentContent = {
  caseNumber: string;
  /** The case's subject (service or bundle) name. */
  subjectName: TLocalizedText;
  applicant: { kind: "person" | "company"; name: string; /** ID number or USCC, masked. */ maskedNumber: string | null };
  department: { code: string; name: TLocalizedText };
  service: { code: string; name: TLocalizedText };
  legalBasis: TLocalizedText[];
  submittedAt: string;
  /** 补正告知书: everything to correct, all at once, and by when. */
  supplement?: { note: string; items: { key: string; label: TLocalizedText; note: string }[]; answerBy: string };
  /** 不予许可决定书: where the applicant may seek review or sue, as the service guide states. Null: the guide names none. */
  remedies?: { reviewBody: TLocalizedText | null; court: TLocalizedText | null; reviewDays: number; lawsuitMonths: number };
  /** 准予许可决定书 on the applicant's commitment (告知承诺制): granted on the commitment, to be inspected after. */
  onCommitment?: boolean;
};

export const caseDocuments = pgTable(
  "case_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    taskId: uuid("task_id")
      .notNull()
      .references(() => tasks.id),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    kind: text("kind", { enum: caseDocumentKinds }).notNull(),
    /** e.g. AMR〔2026〕第000123号: the department's code, the year of issue, its running number that year. */
    number: text("number").notNull().unique(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    /** The reason the clerk wrote or chose (a refusal, a rejection; a supplement request's note), as stated. */
    reason: text("reason"),
    content: jsonb("content").$type<TCaseDocumentContent>().notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    /** The clerk whose action issued it. */
    issuedById: uuid("issued_by_id").references(() => users.id),
    /** Ed25519 (the licence signing key) over the canonical document (server/documents/case-document-payload.ts). */
    signature: text("signature").notNull(),
    keyId: text("key_id")
      .notNull()
      .references(() => licenceSigningKeys.keyId),
    createdAt: createdAt(),
  },
  (table) => [
    index("case_documents_case_idx").on(table.caseId, table.issuedAt),
    uniqueIndex("case_documents_department_sequence_idx").on(table.departmentId, table.year, table.sequence),
    // A task is accepted, refused, approved or rejected once; a supplement may be asked more than once.
    uniqueIndex("case_documents_task_kind_idx").on(table.taskId, table.kind).where(sql`${table.kind} <> 'supplement-notice'`),
  ],
);
export type TCaseDocument = typeof caseDocuments.$inferSelect;

/** The last number a department gave a document in a year; one row locked per issue, so numbers never repeat. */
export const documentNumberCounters = pgTable(
  "document_number_counters",
  {
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    year: integer("year").notNull(),
    lastValue: integer("last_value").notNull(),
  },
  (table) => [primaryKey({ columns: [table.departmentId, table.year] })],
);
