/**
 * Database errors without the data they failed on — done where they are made, before anything can print them.
 *
 * drizzle wraps every failed query in a DrizzleQueryError whose message is "Failed query: <sql>\nparams: <every
 * bound value>", and keeps the values in `params`; the driver's error it wraps carries the failing row in `detail`
 * ("Failing row contains (…)"), and PGlite's also the query's `params`. Whatever prints such an error — Next's
 * handler of an unhandled error in a page, action or route, a script's last catch, our logger — would print
 * applicants' answers and ID numbers. drizzle offers no hook for its errors, so this wraps the one method every
 * query of both drivers runs through (PgPreparedQuery.queryWithCache) and rewrites the error in place as it
 * passes: the message keeps the SQL (placeholders, no values) and says how many parameters were left out, the
 * parameters are dropped, and the cause keeps only its SQL state, names and routine, with ID and mobile numbers
 * and quoted values masked in its message. Class and `cause.code` stay, so code that inspects errors still can.
 *
 * Installed once per process, idempotent: by instrumentation.ts for the server (drizzle-orm is a server external
 * package there, so every part of the server shares the patched class) and by scripts/setup.ts. Any other process
 * that opens a database should call it first; db/client.ts's openDatabase is the natural home for that call.
 */
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { scrubLogText } from "@/lib/log/scrub-log-value";

const installed = Symbol.for("onedoor.redactQueryErrors");
/** Fields of a driver's error that say what failed without the data it failed on. */
const causeFields = new Set(["name", "message", "stack", "code", "severity", "constraint", "table", "column", "schema", "dataType", "routine", "file", "line", "position", "length"]);

type TQueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;

function rewriteStack(error: Error, message: string): void {
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  error.stack = [`${error.name}: ${message}`, ...frames].join("\n");
}

/** Strips a driver error (the cause) down to what failed, in place. */
function redactCause(cause: unknown): void {
  if (typeof cause !== "object" || cause === null) return;
  const fields = cause as Record<string, unknown>;
  for (const key of Object.keys(fields)) if (!causeFields.has(key)) delete fields[key];
  if (cause instanceof Error) {
    const message = scrubLogText(cause.message);
    cause.message = message;
    rewriteStack(cause, message);
  }
}

type TQueryError = Error & { query: string; params: unknown[] };

/** drizzle's DrizzleQueryError, recognised by its shape (a second copy of drizzle would bring a second class). */
function isQueryError(error: unknown): error is TQueryError {
  return error instanceof Error && typeof (error as Partial<TQueryError>).query === "string" && "params" in error && error.message.startsWith("Failed query: ");
}

/** A failed query's error as it may travel: SQL kept, values gone. Anything else passes unchanged. */
export function redactQueryError(error: unknown): unknown {
  if (!isQueryError(error)) return error;
  const count = Array.isArray(error.params) ? error.params.length : 0;
  const message = `Failed query: ${scrubLogText(error.query)}\nparams: [redacted] (${count} value(s))`;
  error.message = message;
  error.params = [];
  rewriteStack(error, message);
  redactCause(error.cause);
  return error;
}

function patch(prototype: { queryWithCache: TQueryWithCache; [installed]?: true }): void {
  if (prototype[installed]) return;
  const original = prototype.queryWithCache;
  prototype.queryWithCache = async function (queryString, params, query) {
    try {
      return await original.call(this, queryString, params, query);
    } catch (error) {
      throw redactQueryError(error);
    }
  };
  prototype[installed] = true;
}

export function installQueryErrorRedaction(): void {
  patch(PgPreparedQuery.prototype as unknown as { queryWithCache: TQueryWithCache });
}
