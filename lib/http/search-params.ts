/**
 * A page's query string, read so that no address can turn the page into an error: each parameter is read on its
 * own, its first value when it is repeated (`?view=a&view=b`), checked by its schema, and undefined when missing or
 * malformed — the page then shows its default (the first page, all cases, this year). Keyset cursors are read by
 * lib/http/keyset-cursor.ts, from the string this returns.
 */
import type { z } from "zod";

/** What Next.js passes a page as `searchParams`. */
export type TSearchParams = Record<string, string | string[] | undefined>;

export function readSearchParams<TFields extends Record<string, z.ZodType>>(
  raw: TSearchParams | undefined,
  fields: TFields,
): { [K in keyof TFields]?: z.output<TFields[K]> } {
  const read: { [K in keyof TFields]?: z.output<TFields[K]> } = {};
  for (const name of Object.keys(fields) as (keyof TFields & string)[]) {
    const given = raw && Object.hasOwn(raw, name) ? raw[name] : undefined;
    const value = Array.isArray(given) ? given[0] : given;
    if (typeof value !== "string") continue;
    const parsed = fields[name].safeParse(value);
    if (parsed.success) read[name] = parsed.data as z.output<TFields[typeof name]>;
  }
  return read;
}
