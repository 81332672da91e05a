/**
 * What a department's task may see of its case's answers (最小必要): the questions of its own service's form and the
 * bundle's own shared questions (the applicant's details, the routing questions) — not the sections other
 * departments of the bundle asked for. A case filed for one service was filled in on that service's own form, so
 * all of it is the department's.
 *
 * Keys, not pages: a question two components share is asked once, on the first one's page, and still belongs to
 * both; a question the bundle leaves out of a component (excludeFields) is simply not among the answers.
 */
import { inArray, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { formDefinitions } from "@/db/schema";
import { listFields } from "@/lib/forms/definition";

export type TDepartmentFieldKeys = { whole: true } | { whole: false; keys: ReadonlySet<string> };

export async function listDepartmentFieldKeys(
  db: TDatabase,
  { formDefinitionId, serviceCode }: { formDefinitionId: string; serviceCode: string },
): Promise<TDepartmentFieldKeys> {
  const [form] = await db
    .select({ subjectType: formDefinitions.subjectType, composedFrom: formDefinitions.composedFrom })
    .from(formDefinitions)
    .where(eq(formDefinitions.id, formDefinitionId));
  if (!form || form.subjectType !== "bundle" || !form.composedFrom) return { whole: true };
  const sources = await db
    .select({ subjectType: formDefinitions.subjectType, subjectCode: formDefinitions.subjectCode, definition: formDefinitions.definition })
    .from(formDefinitions)
    .where(inArray(formDefinitions.id, form.composedFrom));
  const keys = new Set<string>();
  for (const source of sources) {
    const own = source.subjectType === "bundle-base" || (source.subjectType === "service" && source.subjectCode === serviceCode);
    if (own) for (const field of listFields(source.definition)) keys.add(field.key);
  }
  return { whole: false, keys };
}
