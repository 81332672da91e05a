/**
 * Drafts: an application being filled in, saved on the server page by page (and by autosave), so the applicant
 * can go back and forth, stop, and resume on another device. A draft expires; submitting turns it into a case
 * and deletes it in the same transaction.
 */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { applySubjectTypes, formDefinitions } from "./forms";
import { companies, users } from "./identity";
import { answersContext } from "@/db/sealing/seal-json";
import { sealedJsonb } from "./sealed-columns";

export const drafts = pgTable(
  "drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    /** For a legal-person service: the company applying. */
    companyId: uuid("company_id").references(() => companies.id),
    /**
     * A counter clerk's draft of a natural-person service is filed for this person (一窗受理): the clerk owns the draft
     * (applicant_id), the person is the case's applicant, and prefill comes from their register data.
     */
    filedForUserId: uuid("filed_for_user_id").references(() => users.id),
    subjectType: text("subject_type", { enum: applySubjectTypes }).notNull(),
    subjectCode: text("subject_code").notNull(),
    /** The version the answers were last saved against; a newer published version takes over on resume. */
    formDefinitionId: uuid("form_definition_id")
      .notNull()
      .references(() => formDefinitions.id),
    /** Answers as far as given, typed where valid and as typed where not (nothing the applicant wrote is lost). */
    answers: sealedJsonb<Record<string, unknown>>("answers", answersContext).notNull().default({}),
    /** The submit of this draft carries this key, so a double submit yields one case. */
    idempotencyKey: uuid("idempotency_key").notNull().defaultRandom(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("drafts_applicant_idx").on(table.applicantId, table.updatedAt), index("drafts_expires_idx").on(table.expiresAt)],
);
export type TDraft = typeof drafts.$inferSelect;
