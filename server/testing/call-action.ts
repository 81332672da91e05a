/**
 * Calls a server action or a route handler as Next would, as a chosen actor, against a test database: the harness of
 * the "who may do what", hostile-input and action-wrapper tests (app/_testing/). Only the session is stubbed (getActor answers with the actor you
 * choose) and the request around it (headers, cookies, cache revalidation); the action, its access check and its use
 * case run for real. Each call runs in a transaction that is always rolled back, so calls do not see each other, and
 * reports which tables it wrote.
 *
 * vi.mock is hoisted to the top of the test file, so each test file declares the stubs itself:
 *
 *   vi.mock("server-only", () => ({}));
 *   vi.mock("next/cache", async () => (await import("@/server/testing/call-action")).nextCacheStub);
 *   vi.mock("next/headers", async () => (await import("@/server/testing/call-action")).nextHeadersStub);
 *   vi.mock("next-intl/server", async (original) => (await import("@/server/testing/call-action")).nextIntlStub(await original()));
 *   vi.mock("@/server/auth/session", async (original) => (await import("@/server/testing/call-action")).sessionStub(await original()));
 *
 * then: `const { outcome, writes } = await callAs(world, actor, () => someAction(formDataOf({ ... })))`.
 */
import { sql } from "drizzle-orm";
import type { TDatabase, TDatabaseHandle } from "@/db/client";
import type { TActor } from "@/server/auth/actor";

/** What a call came to, as Next would answer it. */
export type TOutcome =
  /** It returned: an action's state for useActionState, a route handler's Response, or nothing. */
  | { kind: "returned"; value: unknown }
  /** redirect(): the address it sends the browser to. */
  | { kind: "redirect"; location: string }
  /** forbidden(), notFound(), unauthorized(): Next renders 403 / 404 / 401. */
  | { kind: "http-error"; status: number }
  /** Anything else thrown: Next would answer 500. */
  | { kind: "error"; error: unknown };

export type TCallResult = { outcome: TOutcome; /** Tables the call inserted into, updated or deleted from. */ writes: string[] };

// next.config.ts's experimental.authInterrupts sets this at build time; forbidden() refuses to run without it.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ??= "true";
// Auth.js signs its cookies with this; `npm start` generates one into DATA_DIR, which tests do not have.
process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";

const browserHeaders = { host: "localhost:3000", "x-forwarded-proto": "http", "accept-language": "zh-CN" };
const request = { actor: null as TActor | null, cookies: new Map<string, string>(), headers: browserHeaders as Record<string, string> };

/** The stubbed session: getActor answers with the actor of the current call; everything else is the real module. */
export function sessionStub<T extends object>(original: T): T {
  return { ...original, getActor: async () => request.actor };
}

export const nextCacheStub = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
};

/** A request with a browser's usual headers and an empty cookie jar (Auth.js writes its cookies into it). */
export const nextHeadersStub = {
  headers: async () => new Headers(request.headers),
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.cookies.has(name),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }),
};

/** next-intl outside a Next request: the request's language is simplified Chinese; the rest is the real module. */
export function nextIntlStub<T extends object>(original: T): T {
  return { ...original, getLocale: async () => "zh-Hans" };
}

const globalForDb = globalThis as typeof globalThis & { __onedoorDatabase?: TDatabaseHandle };

/** Makes getDb() answer with this test database (db/client.ts keeps the process's handle on globalThis). */
export function useTestDatabase(handle: TDatabaseHandle) {
  globalForDb.__onedoorDatabase = handle;
}

class RolledBack extends Error {}

/**
 * Calls `call` as `actor` (null: nobody signed in) inside a transaction on the test database that is then rolled
 * back, and says how it ended and which tables it wrote. Hostile input must end in anything but "error", with no
 * writes; an action the actor may use on their own record ends in its success redirect or state.
 */
export async function callAs(
  handle: TDatabaseHandle,
  actor: TActor | null,
  call: () => Promise<unknown>,
  /** Request headers and cookies beyond a browser's usual ones (next/headers answers with them). */
  extra: { headers?: Record<string, string>; cookies?: Record<string, string> } = {},
): Promise<TCallResult> {
  let result: TCallResult | undefined;
  try {
    await handle.db.transaction(async (tx) => {
      const before = await countWrites(tx, handle);
      globalForDb.__onedoorDatabase = { ...handle, db: tx };
      request.actor = actor;
      request.cookies = new Map(Object.entries(extra.cookies ?? {}));
      request.headers = { ...browserHeaders, ...extra.headers };
      let outcome: TOutcome;
      try {
        outcome = outcomeOf({ value: await call() });
      } catch (error) {
        outcome = outcomeOf({ error });
      } finally {
        globalForDb.__onedoorDatabase = handle;
        request.actor = null;
      }
      let writes: string[] = [];
      try {
        writes = diffWrites(before, await countWrites(tx, handle));
      } catch (error) {
        // A failed statement aborts the transaction: nothing more can be read. When the call itself did not fail, it
        // hid a database error from its caller (a query with a NUL in it, say): that is a finding too.
        if (outcome.kind !== "error") outcome = { kind: "error", error: new Error("the call hid a database error (its transaction is aborted)", { cause: error }) };
      }
      result = { outcome, writes };
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result!;
}

/** How Next answers what a call returned or threw: its redirect, 403/404 and 401 errors carry a digest. */
export function outcomeOf(settled: { value: unknown } | { error: unknown }): TOutcome {
  if ("value" in settled) return { kind: "returned", value: settled.value };
  const digest = (settled.error as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", location: digest.split(";").slice(2, -2).join(";") };
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d{3})$/.exec(digest);
    if (fallback) return { kind: "http-error", status: Number(fallback[1]) };
  }
  return { kind: "error", error: settled.error };
}

/** Whether Next would answer 500: an unexpected throw, or a route handler's own 5xx response. */
export function isServerError(outcome: TOutcome): boolean {
  if (outcome.kind === "error") return true;
  return outcome.kind === "returned" && outcome.value instanceof Response && outcome.value.status >= 500;
}

/** A FormData as a browser posts it: strings as fields, Files as uploads, arrays as repeated fields. */
export function formDataOf(fields: Record<string, string | File | readonly (string | File)[] | undefined>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) formData.append(name, item as string | Blob);
  }
  return formData;
}

// The app's tables, by oid, read once per database: the statistics view joins the catalog on every read (3 ms on
// PGlite), its functions on a list of oids do not (0.5 ms).
const tablesOf = new WeakMap<object, Promise<Map<number, string>>>();
function listTables(tx: TDatabase, key: object) {
  let tables = tablesOf.get(key);
  if (!tables) {
    tables = (async () => {
      const { rows } = (await tx.execute(
        sql`select c.oid::int as oid, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and n.nspname = current_schema()`,
      )) as unknown as { rows: { oid: number; name: string }[] };
      return new Map(rows.map((row) => [row.oid, row.name]));
    })();
    tablesOf.set(key, tables);
  }
  return tables;
}

// Rows inserted, updated and deleted per table by this connection's current transaction (and, on PGlite, whose
// single backend does not reset them between transactions, by earlier ones: hence the difference before and after).
// A write undone by a savepoint still counts: an attempted write is a write.
async function countWrites(tx: TDatabase, key: object): Promise<Map<string, number>> {
  const tables = await listTables(tx, key);
  const oids = sql.raw(`array[${[...tables.keys()].join(",")}]::oid[]`);
  // Both drivers return `{ rows }` (see db/sequences.ts).
  const { rows } = (await tx.execute(
    sql`select oid::int as oid, pg_stat_get_xact_tuples_inserted(oid) + pg_stat_get_xact_tuples_updated(oid) + pg_stat_get_xact_tuples_deleted(oid) as changed from unnest(${oids}) as oid`,
  )) as unknown as { rows: { oid: number; changed: string | number }[] };
  return new Map(rows.map((row) => [tables.get(row.oid)!, Number(row.changed)]));
}

function diffWrites(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([table, changed]) => changed > (before.get(table) ?? 0)).map(([table]) => table).sort();
}
