/**
 * The figures (compute-supervision-figures.ts) kept per process while nothing they count has happened: every
 * /statistics view ran the figures query four times and every /supervise view twice, which was nearly all of those
 * pages' cost (67 of 82 ms of server time for /statistics on the demo data). An entry is used only while the
 * database's activity mark is the one it was computed under — the newest trail event (every task, supplement,
 * rating and follow-up act appends one) and the newest urging sent or answered — and for at most FIGURES_TTL_MS, which
 * bounds what the mark cannot see: a transaction that commits an event numbered below one already committed, and
 * changes with no trail (a holiday added to the calendar). Keyed by database handle, like reference-cache.ts.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

export const FIGURES_TTL_MS = 10_000;
const maxEntries = 200;

type TEntry = { mark: string; expires: number; value: Promise<unknown> };
const caches = new WeakMap<TDatabase, Map<string, TEntry>>();

/** Index look-ups only (case_events' primary key, the urgings' two time indexes): a fraction of a millisecond. */
async function readActivityMark(db: TDatabase): Promise<string> {
  const [row] = await executeRows<{ events: string | null; sent: string | null; answered: string | null }>(
    db,
    sql`select (select max(id) from case_events)::text as events, (select max(sent_at) from urgings)::text as sent, (select max(answered_at) from urgings)::text as answered`,
  );
  return `${row?.events}|${row?.sent}|${row?.answered}`;
}

/** Forgets every figure kept for `db`: for the benchmarks, which measure the counting and not this cache. */
export function forgetRememberedFigures(db: TDatabase) {
  caches.delete(db);
}

export async function rememberFigures<T>({ db, key, load, now = Date.now() }: { db: TDatabase; key: string; load: () => Promise<T>; now?: number }): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const mark = await readActivityMark(db);
  const hit = cache.get(key);
  if (hit && hit.mark === mark && hit.expires > now) return hit.value as Promise<T>;
  for (const [old, entry] of cache) if (entry.expires <= now || cache.size >= maxEntries) cache.delete(old);
  const value = load();
  cache.set(key, { mark, expires: now + FIGURES_TTL_MS, value });
  // A failed load is not remembered.
  value.catch(() => cache.delete(key));
  return value;
}
