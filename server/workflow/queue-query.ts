/**
 * What a clerk can ask the queue beyond its view: a search term, filters and a sort — as they travel in the desk's
 * address (`ZQueueQuery`, each parameter checked on its own so a bad one is dropped, never a 500) and as SQL.
 *
 * Sorts and their keyset cursors: a cursor carries the view and sort it was made for, the last row's sort key and
 * its id, so a page break inside equal keys neither repeats nor skips a row. Any other cursor means the first page.
 */
import { and, asc, desc, eq, gte, like, lte, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { caseChannels, cases, services, tasks } from "@/db/schema";
import { isIsoDate } from "@/lib/calendar/working-days";
import { decodeCursor, encodeCursor, ZCursorDate, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import { readSearchTerm, SEARCH_TERM_MAX_LENGTH, type TSearchRefusal, type TSearchTerm } from "@/lib/text/search-text";
import { taskStatuses } from "@/lib/workflow/statuses";

export const queueViews = ["unclaimed", "mine", "waiting", "soon-due", "overdue", "done", "all"] as const;
export type TQueueView = (typeof queueViews)[number];

export const queueSorts = ["due", "due-desc", "newest", "oldest", "decided"] as const;
export type TQueueSort = (typeof queueSorts)[number];

/** A task waiting on another department is in nobody's queue yet, so it is no status to filter by. */
const ZQueueStatus = z.enum(taskStatuses).exclude(["pending"]);
export const queueStatuses = ZQueueStatus.options;

/** The sorts a view offers, its default first: only finished tasks all have a decision time. */
export function sortsOf(view: TQueueView): readonly TQueueSort[] {
  return view === "done" ? ["decided", "due", "due-desc", "newest", "oldest"] : ["due", "due-desc", "newest", "oldest"];
}

const ZIsoDate = z.string().refine((date) => isIsoDate(date) && date >= "1000-01-01");

/** The desk's query string, parameter by parameter (read with lib/http/search-params.ts). */
export const queueQueryFields = {
  view: z.enum(queueViews),
  q: z.string().max(SEARCH_TERM_MAX_LENGTH * 4),
  service: z.string().regex(/^[A-Z0-9-]{1,40}$/),
  status: ZQueueStatus,
  dueFrom: ZIsoDate,
  dueTo: ZIsoDate,
  channel: z.enum(caseChannels),
  sort: z.enum(queueSorts),
  after: z.string(),
};

export type TQueueFilters = {
  q?: string;
  service?: string;
  status?: (typeof queueStatuses)[number];
  dueFrom?: string;
  dueTo?: string;
  channel?: (typeof caseChannels)[number];
};

export const queueFilterNames = ["q", "service", "status", "dueFrom", "dueTo", "channel"] as const satisfies readonly (keyof TQueueFilters)[];

/**
 * What lets the name search use cases_applicant_search_bigrams_idx: every two-character piece of the term is one of
 * the search text's (a superset of the LIKE's matches, which the LIKE then narrows). A one-character term has none.
 */
function containsBigrams(escaped: string): SQL | undefined {
  const characters = Array.from(escaped.replace(/\\(.)/g, "$1"));
  const pieces = [...new Set(characters.slice(1).map((character, index) => characters[index] + character))];
  if (pieces.length === 0) return undefined;
  return sql`applicant_search_bigrams(${cases.applicantSearch}) @> array[${sql.join(
    pieces.map((piece) => sql`${piece}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Whether a name matches so many cases (COMMON_NAME_CASES or more) that the search should walk the queue in its own
 * order and test each case's text, stopping at a page, rather than fetch every matching case from the bigram index
 * and join them all to the department's tasks: "上海", in nearly every company's name, matched half of a million cases
 * and took 9–11 s that way (docs/BENCHMARKS.md). PostgreSQL cannot estimate a bigram array's matches to choose itself.
 */
export const COMMON_NAME_CASES = 1000;

export async function isCommonName(db: TDatabase, names: readonly string[]): Promise<boolean> {
  for (const name of names) {
    const bigrams = containsBigrams(name);
    if (!bigrams) continue;
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(db.select({ one: sql`1` }).from(cases).where(and(bigrams, like(cases.applicantSearch, `%${name}%`))).limit(COMMON_NAME_CASES).as("matched"));
    if (row.n >= COMMON_NAME_CASES) return true;
  }
  return false;
}

/**
 * The conditions of the filters (null: none), and the search term's refusal if the term cannot be searched. A common
 * name (`commonName`, isCommonName) is matched by its text alone, so the query can walk the queue's own index.
 */
export function filterConditions(filters: TQueueFilters, { commonName = false }: { commonName?: boolean } = {}): { where: SQL | undefined; search: TSearchTerm | null } {
  const search = filters.q ? readSearchTerm(filters.q) : null;
  const conditions: (SQL | undefined)[] = [
    filters.service ? eq(services.code, filters.service) : undefined,
    filters.status ? eq(tasks.status, filters.status) : undefined,
    filters.dueFrom ? gte(tasks.dueDate, filters.dueFrom) : undefined,
    filters.dueTo ? lte(tasks.dueDate, filters.dueTo) : undefined,
    filters.channel ? eq(cases.channel, filters.channel) : undefined,
  ];
  if (search?.ok) {
    conditions.push(
      or(
        ...search.name.map((name) => and(commonName ? undefined : containsBigrams(name), like(cases.applicantSearch, `%${name}%`))),
        search.caseNumberPrefix ? like(cases.number, `${search.caseNumberPrefix}%`) : undefined,
        search.idTail ? eq(cases.applicantIdTail, search.idTail) : undefined,
      ),
    );
  } else if (search) {
    // A term that cannot be searched (a whole ID number) finds nothing rather than everything.
    conditions.push(sql`false`);
  }
  const present = conditions.filter((condition): condition is SQL => condition !== undefined);
  return { where: present.length > 0 ? and(...present) : undefined, search };
}

const dateSorts = ["due", "due-desc"] as const;
const instantSorts = ["newest", "oldest", "decided"] as const;

const ZQueueCursor = z.union([
  z.object({ view: z.enum(queueViews), sort: z.enum(dateSorts), key: ZCursorDate, id: ZCursorId }),
  z.object({ view: z.enum(queueViews), sort: z.enum(instantSorts), key: ZCursorInstant, id: ZCursorId }),
]);
export type TQueueCursor = z.infer<typeof ZQueueCursor>;

export function encodeQueueCursor(cursor: TQueueCursor): string {
  return encodeCursor(cursor);
}

/** The cursor if it is one of ours, for this view and this sort; anything else means "first page". */
export function decodeQueueCursor(raw: string | null | undefined, view: TQueueView, sort: TQueueSort): TQueueCursor | null {
  const cursor = decodeCursor(raw, ZQueueCursor);
  return cursor?.view === view && cursor.sort === sort ? cursor : null;
}

/** Microseconds since 1970 as text: the exact instant for a cursor, where a JavaScript Date drops microseconds. */
const micros = (column: SQL | typeof cases.submittedAt) => sql<string | null>`(extract(epoch from ${column}) * 1000000)::bigint::text`;
const instantOf = (key: string) => sql`(timestamptz 'epoch' + ${key}::bigint * interval '1 microsecond')`;

/** ORDER BY, the row's sort key for the next cursor, and the keyset condition after a cursor, for one sort. */
export function sortPlan(sort: TQueueSort) {
  const column = sort === "due" || sort === "due-desc" ? tasks.dueDate : sort === "decided" ? tasks.decidedAt : cases.submittedAt;
  const descending = sort === "due-desc" || sort === "newest" || sort === "decided";
  const isDate = sort === "due" || sort === "due-desc";
  return {
    orderBy: descending ? [desc(column), desc(tasks.id)] : [asc(column), asc(tasks.id)],
    key: isDate ? sql<string>`${tasks.dueDate}::text` : micros(sql`${column}`),
    after(cursor: TQueueCursor): SQL {
      const bound = isDate ? sql`${cursor.key}::date` : instantOf(cursor.key);
      return descending ? sql`(${column}, ${tasks.id}) < (${bound}, ${cursor.id}::uuid)` : sql`(${column}, ${tasks.id}) > (${bound}, ${cursor.id}::uuid)`;
    },
  };
}

export type TQueueAddress = TQueueFilters & { view?: TQueueView; sort?: TQueueSort; after?: string | null };

/** The desk's address for a view, its filters, sort and page: only what is set, in a fixed order. */
export function queueHref(address: TQueueAddress): string {
  const params = new URLSearchParams();
  for (const name of ["view", ...queueFilterNames, "sort", "after"] as const) {
    const value = address[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/desk?${query}` : "/desk";
}

/** What the desk's address says, each parameter checked on its own: a bad one is left out. */
export function readQueueAddress(raw: Record<string, unknown>): TQueueAddress {
  const read: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(queueQueryFields)) {
    const given = raw[name];
    const value = Array.isArray(given) ? given[0] : given;
    if (typeof value !== "string" || value.trim() === "") continue;
    const parsed = schema.safeParse(value.trim());
    if (parsed.success) read[name] = parsed.data;
  }
  return read as TQueueAddress;
}

/**
 * Where the desk's search form leads: the address of what was asked, without a search term that must not travel in
 * an address (a whole ID number or credit code: refused with its code instead) — which is why the form posts.
 */
export function searchRedirect(posted: Record<string, unknown>): { href: string; error: TSearchRefusal | null } {
  const address = readQueueAddress(posted);
  const rawTerm = typeof posted.q === "string" ? posted.q : "";
  const term = rawTerm.trim() ? readSearchTerm(rawTerm) : null;
  if (term && !term.ok) return { href: queueHref({ ...address, q: undefined, after: null }), error: term.code };
  // A new search starts at the first page.
  return { href: queueHref({ ...address, q: rawTerm.trim() ? rawTerm.trim().replace(/\s+/g, " ") : undefined, after: null }), error: null };
}
