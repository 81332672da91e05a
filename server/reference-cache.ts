/**
 * A short-lived, per-process cache for reference data that changes rarely and is read on every submission: the
 * catalog entry being applied for (with its current form version) and the holiday calendar. Entries live for
 * REFERENCE_TTL_MS, so an administrator's change reaches every replica within that time; form versions are
 * immutable, so a cached one is never wrong, only possibly not the newest for a few seconds.
 * Keyed by database handle, so separate databases (tests, benchmarks) never share entries.
 */
import type { TDatabase } from "@/db/client";

export const REFERENCE_TTL_MS = 10_000;

type TEntry = { expires: number; value: Promise<unknown> };
const caches = new WeakMap<TDatabase, Map<string, TEntry>>();

export function cachedReference<T>(db: TDatabase, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { expires: now + REFERENCE_TTL_MS, value });
  // A failed load is not remembered.
  value.catch(() => cache.delete(key));
  return value;
}

/** Forget cached reference data at once (after an administrator's change in this process). */
export function forgetReferences(db: TDatabase) {
  caches.delete(db);
}
