/**
 * Whether a case names a material, as a condition of the query that loads it: the access rule of every material
 * route is part of its query, so a file or licence no answer names is simply not found.
 *
 * A material is named by a material answer (`[{ kind: "file", fileId, … }]` or `[{ kind: "licence", licenceId }]`,
 * always a top-level field: materials are never inside groups) of the case, or of a supplement the applicant has
 * sent for it (what was replaced stays on the record of that supplement). A supplement still being written is not
 * the case's yet.
 *
 * `fieldKeys` narrows the answers looked at to those fields: a department that may see only its own section of a
 * bundle's form (最小必要) passes that section's keys; undefined looks at every answer.
 */
import { sql, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";

export type TMaterialKey = { kind: "file"; fileId: string } | { kind: "licence"; licenceId: string };

/** The answers (a jsonb expression: a case's, a supplement's or a draft's) name the material. */
export function answersName(answers: SQL, key: TMaterialKey, fieldKeys: readonly string[] | undefined): SQL {
  const wanted = key.kind === "file" ? sql`jsonb_build_object('kind', 'file', 'fileId', ${key.fileId}::text)` : sql`jsonb_build_object('kind', 'licence', 'licenceId', ${key.licenceId}::text)`;
  const onlyFields = fieldKeys ? sql` and answer.key in (${fieldKeys.length > 0 ? sql.join(fieldKeys.map((fieldKey) => sql`${fieldKey}`), sql`, `) : sql`null`})` : sql``;
  return sql`exists (select 1 from jsonb_each(${answers}) as answer(key, value) where jsonb_typeof(answer.value) = 'array' and answer.value @> jsonb_build_array(${wanted})${onlyFields})`;
}

/** The case row in the query (`cases`) names the material in its answers or in a supplement sent for it. */
export function caseNamesMaterial(key: TMaterialKey, options: { fieldKeys?: readonly string[] } = {}): SQL {
  const { fieldKeys } = options;
  return sql`(${answersName(sql`${cases.answers}`, key, fieldKeys)} or exists (select 1 from supplement_requests as sent where sent.case_id = ${cases.id} and sent.status = 'answered' and sent.answers is not null and ${answersName(sql`sent.answers`, key, fieldKeys)}))`;
}
