/** Versioned form definitions: the data the single intake form engine renders and validates against. */
import { integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";
import type { TFormDefinition } from "@/lib/forms/definition";
import { createdAt } from "./columns";

/** What an applicant applies for: one service, or a bundle (一件事). */
export const applySubjectTypes = ["service", "bundle"] as const;
export type TApplySubjectType = (typeof applySubjectTypes)[number];
/**
 * A bundle's applicants fill a form composed from its own questions ("bundle-base", written by an author) and its
 * component services' forms; the composed result is stored as the bundle's version ("bundle").
 */
export const formSubjectTypes = ["service", "bundle", "bundle-base"] as const;
export type TFormSubjectType = (typeof formSubjectTypes)[number];

export const formDefinitions = pgTable(
  "form_definitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subjectType: text("subject_type", { enum: formSubjectTypes }).notNull(),
    /** The service or bundle code this form belongs to. */
    subjectCode: text("subject_code").notNull(),
    /** Publishing makes a new version; a case keeps the version it was submitted under. */
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<TFormDefinition>().notNull(),
    /** For a composed bundle form: the ids of the versions (bundle-base, then services) it was built from. */
    composedFrom: jsonb("composed_from").$type<string[]>(),
    /** The admin who published it; null for the seed. */
    publishedById: uuid("published_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (table) => [unique("form_definitions_subject_version_key").on(table.subjectType, table.subjectCode, table.version)],
);
export type TFormDefinitionRow = typeof formDefinitions.$inferSelect;
