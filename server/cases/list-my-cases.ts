/**
 * The applicant's cases (their own and their companies'), newest first, with the name of the service or bundle
 * applied for, the company it was filed for, and who filed it at the counter if a clerk did; narrowed by a filter,
 * with the count of each filter. For a counter clerk, "my cases" are those they filed for others (/counter/cases):
 * the applicant's name comes along, and nobody else's filings.
 *
 * Keyset pages on (submitted_at, id) descending, as the desk's queue pages (server/workflow/list-queue.ts): a
 * company with thousands of cases reaches the oldest one, each page costs the same however deep, and a case
 * submitted meanwhile never shifts the next page. The cursor belongs to its filter; one that does not parse, or
 * belongs to another filter, gives the first page.
 */
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { bundles, cases, companies, services, users } from "@/db/schema";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import type { TCaseStatus } from "@/lib/workflow/statuses";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleTo } from "./case-access";

/** The filters of /me: what the applicant asks "show me …" about. */
export const myCaseFilters = ["all", "action", "open", "concluded", "withdrawn"] as const;
export type TMyCaseFilter = (typeof myCaseFilters)[number];

const statusesOf: Record<Exclude<TMyCaseFilter, "all">, TCaseStatus[]> = {
  action: ["waiting-for-applicant"],
  open: ["submitted", "in-progress"],
  concluded: ["concluded"],
  withdrawn: ["withdrawn"],
};

export const MY_CASES_PAGE_SIZE = 50;

const ZMyCasesCursor = z.object({ filter: z.enum(myCaseFilters), key: ZCursorInstant, id: ZCursorId });
type TMyCasesCursor = z.infer<typeof ZMyCasesCursor>;

export type TMyCase = Awaited<ReturnType<typeof listMyCases>>["cases"][number];

export type TListMyCasesOptions = {
  db: TDatabase;
  actor: TActor;
  filter?: TMyCaseFilter;
  /** The page after this cursor (from a previous page's nextCursor); anything not ours means the first page. */
  cursor?: string | null;
  pageSize?: number;
};

export async function listMyCases({ db, actor, filter = "all", cursor, pageSize = MY_CASES_PAGE_SIZE }: TListMyCasesOptions) {
  const service = alias(services, "subject_service");
  const bundle = alias(bundles, "subject_bundle");
  const filer = alias(users, "filer");
  const applicant = alias(users, "applicant");
  const visible = casesVisibleTo(actor);
  const after = decodeMyCasesCursor(cursor, filter);
  const keyset = after
    ? sql`(${cases.submittedAt}, ${cases.id}) < (timestamptz 'epoch' + ${after.key}::bigint * interval '1 microsecond', ${after.id}::uuid)`
    : undefined;
  const [found, perStatus] = await Promise.all([
    db
      .select({
        id: cases.id,
        // The exact instant for the cursor: a JavaScript Date would drop PostgreSQL's microseconds.
        submittedAtMicros: sql<string>`(extract(epoch from ${cases.submittedAt}) * 1000000)::bigint::text`,
        number: cases.number,
        status: cases.status,
        submittedAt: cases.submittedAt,
        concludedAt: cases.concludedAt,
        serviceName: service.name,
        bundleName: bundle.name,
        companyName: companies.name,
        channel: cases.channel,
        filerName: filer.displayName,
        applicantName: applicant.displayName,
      })
      .from(cases)
      .leftJoin(service, and(eq(cases.subjectType, "service"), eq(service.code, cases.subjectCode)))
      .leftJoin(bundle, and(eq(cases.subjectType, "bundle"), eq(bundle.code, cases.subjectCode)))
      .leftJoin(companies, eq(companies.id, cases.companyId))
      .leftJoin(filer, eq(filer.id, cases.filedById))
      .innerJoin(applicant, eq(applicant.id, cases.applicantId))
      .where(and(visible, filter === "all" ? undefined : inArray(cases.status, statusesOf[filter]), keyset))
      .orderBy(desc(cases.submittedAt), desc(cases.id))
      .limit(pageSize + 1),
    db.select({ status: cases.status, count: count() }).from(cases).where(visible).groupBy(cases.status),
  ]);
  const counts = Object.fromEntries(myCaseFilters.map((name) => [name, 0])) as Record<TMyCaseFilter, number>;
  for (const row of perStatus) {
    counts.all += row.count;
    for (const [name, statuses] of Object.entries(statusesOf)) if (statuses.includes(row.status)) counts[name as TMyCaseFilter] += row.count;
  }
  const page = found.slice(0, pageSize);
  const last = page.at(-1);
  return {
    cases: page.map(({ id: _id, submittedAtMicros: _micros, serviceName, bundleName, ...row }) => ({ ...row, subjectName: (serviceName ?? bundleName)! })),
    counts,
    /** The cursor this page was read after, or null on the first page. */
    after: after ? encodeCursor(after) : null,
    /** The cursor of the next page, or null on the last page. */
    nextCursor: found.length > pageSize && last ? encodeCursor({ filter, key: last.submittedAtMicros, id: last.id } satisfies TMyCasesCursor) : null,
  };
}

function decodeMyCasesCursor(raw: string | null | undefined, filter: TMyCaseFilter): TMyCasesCursor | null {
  const cursor = decodeCursor(raw, ZMyCasesCursor);
  return cursor?.filter === filter ? cursor : null;
}
