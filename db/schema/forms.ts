/** Versioned form definitions: the data the single intake form engine renders and validates against. */
import { integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import type { TFormDefinition } from "@/lib/forms/definition";
import { createdAt } from "./columns";

export const formSubjectTypes = ["service", "bundle"] as const;
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
    createdAt: createdAt(),
  },
  (table) => [unique("form_definitions_subject_version_key").on(table.subjectType, table.subjectCode, table.version)],
);
export type TFormDefinitionRow = typeof formDefinitions.$inferSelect;
