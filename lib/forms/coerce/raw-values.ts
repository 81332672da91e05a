/**
 * Reading posted values before a field's type is applied: what counts as a scalar, as blank, as too long to parse;
 * what a draft keeps of an invalid value; and the outcome every coercer returns. Raw values may be HTML form
 * strings, nested objects from readFormData, JSON-typed values from the API, or junk; nothing here throws.
 */
import type { TItemAnswer, TMaterialRef } from "@/lib/forms/answers";
import type { TFieldError, TFieldErrorCode } from "@/lib/forms/field-error";
import type { TRegionLookup } from "@/lib/regions/lookup-type";
import { toStorableText } from "@/lib/text/plain-text";

export type TRecord = Record<string, unknown>;
export type TPrimitive = string | number | boolean;
export type TContext = { today: string; regions?: TRegionLookup };

/** What one raw value became. `keep` is what a draft stores for an invalid value (nothing when absent). */
export type TOutcome<T = TItemAnswer | TMaterialRef[]> =
  | { kind: "absent" }
  | { kind: "value"; value: T }
  | { kind: "error"; error: TFieldError; keep?: unknown };

export const absent = { kind: "absent" } as const;
export const accept = <T>(value: T): TOutcome<T> => ({ kind: "value", value });
export function fail(code: TFieldErrorCode, keep: unknown, params?: TFieldError["params"]): { kind: "error"; error: TFieldError; keep?: unknown } {
  return { kind: "error", error: params ? { code, params } : { code }, keep };
}

/** Longest string a non-text field parses; no valid number, date, code or option value comes close. */
export const maxRawLength = 1000;
/** Most entries read from a posted array (checkbox values, materials) or raw group items. */
export const maxRawEntries = 200;

export const isRecord = (value: unknown): value is TRecord => typeof value === "object" && value !== null && !Array.isArray(value);
/** Own properties only: a field called "constructor" must not read Object.prototype.constructor. */
export const own = (record: TRecord, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Cuts a well-formed string to about `length` UTF-16 units without splitting a surrogate pair. */
export function capString(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length + 1 : length);
}

/**
 * A posted scalar: strings (made storable: PostgreSQL's jsonb holds no NUL and no lone surrogate), finite numbers
 * and booleans; anything else is not an answer. Free text reads its raw string itself, to refuse what this drops.
 */
export function readPrimitive(value: unknown): TPrimitive | undefined {
  if (typeof value === "string") return toStorableText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : undefined; // + 0 turns -0 into 0
  if (typeof value === "boolean") return value;
  return undefined;
}

export const isBlank = (value: TPrimitive | undefined) => value === undefined || (typeof value === "string" && value.trim() === "");

/** An invalid scalar as a draft stores it: itself, a string cut just past the length it was judged by. */
export const keepPrimitive = (value: TPrimitive, limit = maxRawLength): TPrimitive =>
  typeof value === "string" ? capString(value, limit + 1) : value;

/**
 * A scalar as text to parse (NFKC: full-width digits and letters from Chinese input methods), or "too long"
 * (then it is not parsed at all). Booleans become "true"/"false", which no parser of these fields accepts.
 */
export function readCode(value: TPrimitive): string | null {
  if (typeof value !== "string") return String(value);
  if (value.length > maxRawLength) return null;
  // Most answers are plain ASCII, which NFKC leaves as it is; skipping it saves an allocation per field.
  return (/[^\x00-\x7f]/.test(value) ? value.normalize("NFKC") : value).trim();
}

export function countCodePointsUpTo(text: string, limit: number): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit) break;
  }
  return count;
}

/** The entries of a posted list: an array, or an object with keys "0", "1", … as readFormData builds it. */
export function listEntries(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw.slice(0, maxRawEntries + 1);
  if (!isRecord(raw)) return [];
  const indices: number[] = [];
  for (const key of Object.keys(raw)) if (/^(?:0|[1-9]\d{0,5})$/.test(key)) indices.push(Number(key));
  return indices
    .sort((a, b) => a - b)
    .slice(0, maxRawEntries + 1)
    .map((index) => raw[String(index)]);
}
