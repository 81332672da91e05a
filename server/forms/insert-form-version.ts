/**
 * Version numbers of one form subject, handed out one at a time. Every writer of form_definitions takes the
 * subject's transaction-scoped advisory lock first, so "latest + 1" read under the lock is still free when it is
 * written; the unique (subject_type, subject_code, version) constraint stays the last line of defence, and a
 * writer that bypassed the lock and won makes this one fail with FormVersionConflict (the caller refuses with
 * conflict:form-definition-changed, and the transaction rolls back).
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { formDefinitions, type TFormDefinitionRow, type TFormSubjectType } from "@/db/schema";
import type { TFormDefinition } from "@/lib/forms/definition";

export class FormVersionConflict extends Error {
  constructor(readonly subjectType: TFormSubjectType, readonly subjectCode: string) {
    super(`another version of the ${subjectType} form ${subjectCode} was written at the same time`);
  }
}

/**
 * Waits for, then holds until the transaction ends, the right to write versions of this subject. Call it inside
 * a transaction; take several subjects' locks in a fixed order (the published subject, then bundles by code).
 */
export async function lockFormSubject(tx: TDatabase, subjectType: TFormSubjectType, subjectCode: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`form-definitions:${subjectType}:${subjectCode}`}))`);
}

export async function findLatestFormVersion(db: TDatabase, subjectType: TFormSubjectType, subjectCode: string): Promise<TFormDefinitionRow | null> {
  const [row] = await db
    .select()
    .from(formDefinitions)
    .where(and(eq(formDefinitions.subjectType, subjectType), eq(formDefinitions.subjectCode, subjectCode)))
    .orderBy(desc(formDefinitions.version))
    .limit(1);
  return row ?? null;
}

export async function insertNextFormVersion(
  tx: TDatabase,
  input: {
    subjectType: TFormSubjectType;
    subjectCode: string;
    definition: TFormDefinition;
    composedFrom?: string[] | null;
    publishedById: string | null;
  },
): Promise<TFormDefinitionRow> {
  await lockFormSubject(tx, input.subjectType, input.subjectCode);
  const latest = await findLatestFormVersion(tx, input.subjectType, input.subjectCode);
  const [row] = await tx
    .insert(formDefinitions)
    .values({
      subjectType: input.subjectType,
      subjectCode: input.subjectCode,
      version: (latest?.version ?? 0) + 1,
      definition: input.definition,
      composedFrom: input.composedFrom ?? null,
      publishedById: input.publishedById,
    })
    .onConflictDoNothing({ target: [formDefinitions.subjectType, formDefinitions.subjectCode, formDefinitions.version] })
    .returning();
  if (!row) throw new FormVersionConflict(input.subjectType, input.subjectCode);
  return row;
}
