/**
 * Keyset page cursors, the one way every list carries "the page after this row" in its address: the position (the
 * sort key and id of the last row shown) as base64url JSON, opaque to readers. Decoding never throws — a cursor that
 * is too long, not base64url, not JSON, or not what its list's schema expects means "the first page" (null), so a
 * stale, cut or forged address shows the first page instead of an error.
 *
 * Each field of a cursor must be a value PostgreSQL accepts where the query casts it (a malformed uuid, date or
 * timestamp there is a database error, a 500): the Z* fields below are those checks.
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/calendar/working-days";

/** Longer than any cursor we write (about 120 characters), short enough to decode cheaply. */
const MAX_CURSOR_LENGTH = 300;

export function encodeCursor(position: unknown): string {
  // JSON of our positions is ASCII (digits, dates, uuids, view names), which btoa takes as it is.
  return btoa(JSON.stringify(position)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The position in `raw` if it is one this list wrote, else null (the first page). */
export function decodeCursor<T>(raw: unknown, schema: z.ZodType<T>): T | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const padded = raw.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (raw.length % 4)) % 4);
  let json: unknown;
  try {
    json = JSON.parse(atob(padded));
  } catch {
    // atob (a length no base64 has) and JSON.parse (not JSON) are the only throws, and both mean "not our cursor".
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A row's id, as `::uuid` takes it. */
export const ZCursorId = z.uuid();

/**
 * An instant as microseconds since 1970 in digits, as `(extract(epoch from t) * 1000000)::bigint::text` writes it and
 * `timestamptz 'epoch' + $1::bigint * interval '1 microsecond'` reads it back: exact, where a JavaScript Date would drop
 * PostgreSQL's microseconds (two rows in one millisecond must not be skipped or shown twice). Up to 16 digits: the
 * year 2286, far inside what PostgreSQL takes.
 */
export const ZCursorInstant = z.string().regex(/^\d{1,16}$/);

/** A calendar date, as `::date` takes it: a real YYYY-MM-DD of a four-digit year. */
export const ZCursorDate = z.string().refine((date) => isIsoDate(date) && date >= "1000-01-01");
