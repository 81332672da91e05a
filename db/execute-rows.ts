/**
 * The rows of a raw SQL statement. drizzle types `execute`'s result per driver; both of ours (PGlite and
 * node-postgres) return `{ rows }`, and this is the one place that says so, instead of a cast at every call.
 */
import type { SQL } from "drizzle-orm";
import type { TDatabase } from "./client";

export async function executeRows<TRow>(db: TDatabase, query: SQL): Promise<TRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: TRow[] };
  return result.rows;
}
