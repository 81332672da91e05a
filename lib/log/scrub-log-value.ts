/**
 * What may reach a log line. Logs are read by more people and kept longer than the database's personal data is
 * meant to be, so before anything is written:
 *
 * - values under keys that name personal or secret data — answers, query parameters, ID numbers, mobiles, passwords,
 *   cookies, authorization headers, tokens, secrets — are replaced by "[redacted]", at any depth;
 * - a URL or path keeps no query string (a licence link's, a search's);
 * - errors become plain objects of a few known fields (type, message, stack, SQL state, constraint…) and their cause;
 *   whatever else a database driver hangs on them (the failing row in `detail`, the query's `params`) is dropped;
 * - every remaining text has its resident ID and mobile numbers masked (lib/identifiers/mask.ts) and drizzle's
 *   "params: …" tail cut off.
 */
import { maskPersonalNumbers } from "@/lib/identifiers/mask";

export const REDACTED = "[redacted]";

const sensitiveKey = /answers|^(params|parameters|values|bindings)$|queryparams|searchparams|password|passwd|cookie|authorization|secret|token|idnumber|residentid|mobile|phone|detail$/;
const urlKey = /^(url|path|href|pathname|referer|referrer|callbackurl|next)$/;
/** Error fields worth keeping: what went wrong and where, never the data it went wrong with. */
const errorFields = ["code", "severity", "constraint", "table", "column", "schema", "dataType", "routine", "digest", "status", "statusCode", "errno", "syscall"] as const;
const maxDepth = 6;

const normalizedKey = (key: string) => key.toLowerCase().replace(/[^a-z]/g, "");

/** A text as it may be logged: personal numbers masked, drizzle's parameter list cut off, quoted values in database messages hidden. */
export function scrubLogText(text: string): string {
  return maskPersonalNumbers(
    text
      // drizzle: "Failed query: <sql>\nparams: <every value, answers and ID numbers included>"
      .replace(/\nparams: (?!\[redacted\])[^\n]*/g, `\nparams: ${REDACTED}`)
      // PostgreSQL quotes the offending value after a colon: invalid input syntax for type uuid: "…"
      .replace(/(: )"(?:[^"\\\n]|\\.)*"/g, `$1"${REDACTED}"`),
  );
}

function withoutQuery(url: string): string {
  const at = url.search(/[?#]/);
  return at === -1 ? url : `${url.slice(0, at)}${url[at] === "?" ? `?${REDACTED}` : ""}`;
}

/** An error as a plain object that is safe to log. */
export function serializeErrorForLog(error: Error, depth = 0): Record<string, unknown> {
  const source = error as Error & Record<string, unknown>;
  const serialized: Record<string, unknown> = { type: error.name, message: scrubLogText(error.message) };
  if (typeof error.stack === "string") serialized.stack = scrubLogText(error.stack);
  for (const field of errorFields) {
    const value = source[field];
    if (typeof value === "string" || typeof value === "number") serialized[field] = typeof value === "string" ? scrubLogText(value) : value;
  }
  if (error.cause !== undefined && depth < maxDepth) serialized.cause = scrubLogValue(error.cause, depth + 1);
  if (error instanceof AggregateError && depth < maxDepth) serialized.errors = error.errors.map((inner: unknown) => scrubLogValue(inner, depth + 1));
  return serialized;
}

/** Any value as it may be logged (see the module's comment). */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubLogText(value);
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Error) return serializeErrorForLog(value, depth);
  if (depth >= maxDepth) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => scrubLogValue(item, depth + 1));
  if (value instanceof Date) return value;
  const scrubbed: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    const name = normalizedKey(key);
    if (sensitiveKey.test(name)) scrubbed[key] = REDACTED;
    else if (urlKey.test(name) && typeof inner === "string") scrubbed[key] = scrubLogText(withoutQuery(inner));
    else scrubbed[key] = scrubLogValue(inner, depth + 1);
  }
  return scrubbed;
}
