/**
 * Many rows in one statement: each column is sent as one array parameter and `unnest` turns the arrays back into
 * rows (`insert … select from unnest($1::uuid[], $2::text[], …)`), so a batch of thousands of rows is one round trip
 * and one parse, with no per-row SQL and no package beyond `pg`.
 */
import type pg from "pg";

/** A column: its name, the array type its values are sent as, and the column's type when that differs (`jsonb`, `uuid[]`). */
export type TColumn = { name: string; type: string; cast?: string };

export async function insertRows(client: pg.PoolClient, table: string, columns: readonly TColumn[], rows: readonly unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, index) => rows.map((row) => row[index] ?? null));
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(", ");
  const names = columns.map((column) => column.name).join(", ");
  const values = columns.map((column, index) => (column.cast ? `c${index}::${column.cast}` : `c${index}`)).join(", ");
  const aliases = columns.map((_, index) => `c${index}`).join(", ");
  await client.query(`insert into ${table} (${names}) select ${values} from unnest(${unnest}) as u(${aliases})`, arrays);
}

/** A uuid[] value as the text PostgreSQL reads back into one (sent inside a text[] and cast per row). */
export function uuidArrayText(ids: readonly string[]): string {
  return `{${ids.join(",")}}`;
}
