/**
 * Seals again, under the active data key, every value kept sealed at rest that is not sealed under it yet: values
 * sealed under the previous key during a rotation, and values stored in clear before sealing existed (the first
 * start after migration 0031). Run by setup once (check-data-keys.ts) and by a rotation (rotate-data-key.ts).
 *
 * It runs beside a serving portal. Rows are read in keyset batches and each changed row is written back only if
 * it is still what was read (a conditional update): a use case that wrote the row meanwhile sealed it under the
 * active key itself, and its write is never overwritten with older content. A row skipped that way is looked at
 * again by the next pass; a rotation runs passes until one changes nothing.
 */
import { sql, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import type { TFormDefinition } from "@/lib/forms/definition";
import { holdsPersonalNumber } from "@/lib/identifiers/mask";
import { blindIndexWith } from "@/db/sealing/blind-index";
import { getDataKeys, type TDataKey } from "@/db/sealing/data-keys";
import { openBytes, openText, sealBytesWith, sealedBytesKeyId, sealedKeyId, SealedValueError, sealTextWith } from "@/db/sealing/seal";
import { fileContentContext } from "@/db/schema";
import { answersContext, sealSensitiveAnswers } from "@/db/sealing/seal-json";

type TTextColumn = { column: string; context: string; index?: string };
type TJsonColumn = { column: string; context: string };
type TPlace = {
  table: string;
  id: string;
  texts: TTextColumn[];
  jsons: TJsonColumn[];
  /** For answers: the SQL giving the row's form definition id, whose sensitive fields are sealed whole. */
  definitionId?: string;
};

/** Every column a value is sealed in (files' sealed bytes: resealFiles). A new sealed column is added here, or a rotation leaves it behind. */
export const sealedPlaces: TPlace[] = [
  {
    table: "users",
    id: "id",
    texts: [
      { column: "resident_id_number", context: "users.resident_id_number", index: "resident_id_index" },
      { column: "mobile", context: "users.mobile" },
    ],
    jsons: [],
  },
  { table: "licences", id: "id", texts: [{ column: "holder_id_number", context: "licences.holder_id_number" }], jsons: [{ column: "data", context: "licences.data" }] },
  { table: "staff_two_factor", id: "user_id", texts: [{ column: "secret", context: "staff_two_factor.secret" }], jsons: [] },
  { table: "cases", id: "id", texts: [], jsons: [{ column: "answers", context: answersContext }], definitionId: "form_definition_id" },
  { table: "drafts", id: "id", texts: [], jsons: [{ column: "answers", context: answersContext }], definitionId: "form_definition_id" },
  {
    table: "supplement_requests",
    id: "id",
    texts: [],
    jsons: [{ column: "answers", context: answersContext }],
    definitionId: "(select c.form_definition_id from cases c where c.id = supplement_requests.case_id)",
  },
];

/** A text column's value under `active`: as it is when it already is, else opened (or taken as clear) and sealed. */
function resealText(value: string, context: string, active: TDataKey): string {
  if (sealedKeyId(value) === active.keyId) return value;
  return sealTextWith(active, openText(value, context), context);
}

/** A jsonb document with every sealed string under `active` and every personal number sealed. */
export function resealJson(value: unknown, context: string, active: TDataKey): unknown {
  if (typeof value === "string") {
    const keyId = sealedKeyId(value);
    if (keyId === active.keyId) return value;
    if (keyId !== null) {
      try {
        return sealTextWith(active, openText(value, context), context);
      } catch (error) {
        // A typed text that only looks sealed: kept as the text it is.
        if (!(error instanceof SealedValueError)) throw error;
        return sealTextWith(active, JSON.stringify(value), context);
      }
    }
    return holdsPersonalNumber(value) ? sealTextWith(active, JSON.stringify(value), context) : value;
  }
  if (Array.isArray(value)) return value.map((item) => resealJson(item, context, active));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resealJson(item, context, active)]));
  return value;
}

const ident = (name: string) => sql.raw(`"${name}"`);

async function resealPlace(db: TDatabase, place: TPlace, active: TDataKey, batchSize: number, definitions: Map<string, TFormDefinition | null>): Promise<{ changed: number; skipped: number }> {
  let after: string | null = null;
  let changed = 0;
  let skipped = 0;
  const columns = [...place.texts.map((text) => text.column), ...place.jsons.map((json) => json.column)];
  for (;;) {
    const select: SQL[] = [sql`${ident(place.id)}::text as "__id"`, ...columns.map((column) => ident(column))];
    if (place.definitionId) select.push(sql`${sql.raw(place.definitionId)}::text as "__definition"`);
    const rows: Record<string, unknown>[] = await executeRows<Record<string, unknown>>(
      db,
      sql`select ${sql.join(select, sql`, `)} from ${ident(place.table)} ${after === null ? sql`` : sql`where ${ident(place.id)} > ${after}`} order by ${ident(place.id)} limit ${batchSize}`,
    );
    if (rows.length === 0) return { changed, skipped };
    after = String(rows[rows.length - 1].__id);
    const definitionIds = [...new Set(rows.map((row) => row.__definition).filter((id): id is string => typeof id === "string" && !definitions.has(id)))];
    if (definitionIds.length > 0) {
      const found = await executeRows<{ id: string; definition: TFormDefinition }>(db, sql`select id::text as id, definition from form_definitions where id::text in (${sql.join(definitionIds.map((id) => sql`${id}`), sql`, `)})`);
      for (const id of definitionIds) definitions.set(id, found.find((row) => row.id === id)?.definition ?? null);
    }
    for (const row of rows) {
      const sets: SQL[] = [];
      const unchanged: SQL[] = [];
      for (const text of place.texts) {
        const value = row[text.column];
        if (typeof value !== "string") continue;
        const next = resealText(value, text.context, active);
        if (next === value) continue;
        sets.push(sql`${ident(text.column)} = ${next}`);
        if (text.index) sets.push(sql`${ident(text.index)} = ${blindIndexWith(active, "resident-id", openText(next, text.context))}`);
        unchanged.push(sql`${ident(text.column)} = ${value}`);
      }
      for (const json of place.jsons) {
        const value = row[json.column];
        if (value === null || value === undefined) continue;
        let next = resealJson(value, json.context, active);
        const definition = typeof row.__definition === "string" ? definitions.get(row.__definition) : null;
        if (definition && next !== null && typeof next === "object" && !Array.isArray(next)) next = sealSensitiveAnswers(definition, next as Record<string, unknown>);
        const before = JSON.stringify(value);
        const after = JSON.stringify(next);
        if (after === before) continue;
        sets.push(sql`${ident(json.column)} = ${after}::jsonb`);
        unchanged.push(sql`${ident(json.column)} = ${before}::jsonb`);
      }
      if (sets.length === 0) continue;
      const updated = await executeRows<{ id: string }>(
        db,
        sql`update ${ident(place.table)} set ${sql.join(sets, sql`, `)} where ${ident(place.id)} = ${row.__id} and ${sql.join(unchanged, sql` and `)} returning ${ident(place.id)}`,
      );
      // Written meanwhile by a use case: looked at again by the next pass.
      if (updated.length === 0) skipped += 1;
      changed += updated.length;
    }
  }
}

/** `skipped`: rows changed by someone else while this pass looked at them, so not written; the next pass sees them again. */
export type TResealResult = { changed: number; skipped: number; byTable: Record<string, number> };

/**
 * Uploaded files sealed at upload (the sensitive class) sealed again under `active`. Files stored as uploaded stay
 * so: their class is their field's, and only the upload knew it.
 */
async function resealFiles(db: TDatabase, active: TDataKey, batchSize: number): Promise<{ changed: number; skipped: number }> {
  let after: string | null = null;
  let changed = 0;
  let skipped = 0;
  for (;;) {
    const rows: { id: string; content: Uint8Array }[] = await executeRows<{ id: string; content: Uint8Array }>(
      db,
      sql`select id::text as id, content from files where substring(content from 1 for 4) = ${Buffer.from("ODE1", "ascii")} ${after === null ? sql`` : sql`and id > ${after}`} order by id limit ${batchSize}`,
    );
    if (rows.length === 0) return { changed, skipped };
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      if (sealedBytesKeyId(row.content) === active.keyId) continue;
      const next = sealBytesWith(active, openBytes(row.content, fileContentContext), fileContentContext);
      const updated = await executeRows<{ id: string }>(db, sql`update files set content = ${Buffer.from(next)} where id = ${row.id} and content = ${Buffer.from(row.content)} returning id`);
      if (updated.length === 0) skipped += 1;
      changed += updated.length;
    }
  }
}

/** One pass over every sealed place: how many rows were sealed again. */
export async function resealStoredData({ db, batchSize = 500 }: { db: TDatabase; batchSize?: number }): Promise<TResealResult> {
  const active = getDataKeys().active;
  const definitions = new Map<string, TFormDefinition | null>();
  const byTable: Record<string, number> = {};
  let changed = 0;
  let skipped = 0;
  for (const place of sealedPlaces) {
    const result = await resealPlace(db, place, active, batchSize, definitions);
    byTable[place.table] = result.changed;
    changed += result.changed;
    skipped += result.skipped;
  }
  const files = await resealFiles(db, active, Math.min(batchSize, 50));
  byTable.files = files.changed;
  return { changed: changed + files.changed, skipped: skipped + files.skipped, byTable };
}

