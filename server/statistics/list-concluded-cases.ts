/**
 * 办件公示: the latest concluded cases, for everyone — the case number, what was applied for, the applicant masked
 * (a person's first character, a company's region and trade: lib/identifiers/mask.ts), the result in one word and
 * the day it was concluded. Nothing else of the case leaves the database: no answers, no numbers, no full names.
 *
 * A case is concluded when all its tasks are (cases.concluded_at, set by the runner with the status "concluded" or
 * "withdrawn"). Its result comes from its review tasks: all approved → approved, none approved → rejected (不予许可)
 * if a department rejected it, else refused (不予受理); some approved → partly approved; a case withdrawn, or with no
 * decided review → withdrawn. Keyset pages on (concluded_at, id) descending over cases_concluded_idx.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, companies, users } from "@/db/schema";
import { decodeCursor, encodeCursor, ZCursorId, ZCursorInstant } from "@/lib/http/keyset-cursor";
import { maskCompanyName, maskName } from "@/lib/identifiers/mask";
import { caseSubjectName } from "@/server/ratings/case-subject-name";

export const caseResults = ["approved", "partly-approved", "refused", "rejected", "withdrawn"] as const;
export type TCaseResult = (typeof caseResults)[number];

export const CONCLUDED_CASES_PAGE_SIZE = 20;
/** At most this many rows in one read (the open-data file's). */
export const CONCLUDED_CASES_MAX_PAGE = 200;

const ZConcludedCursor = z.object({ key: ZCursorInstant, id: ZCursorId });

export type TConcludedCase = Awaited<ReturnType<typeof listConcludedCases>>["cases"][number];

export async function listConcludedCases({ db, cursor, pageSize = CONCLUDED_CASES_PAGE_SIZE }: { db: TDatabase; cursor?: string | null; pageSize?: number }) {
  const size = Math.min(Math.max(1, Math.floor(pageSize)), CONCLUDED_CASES_MAX_PAGE);
  const after = decodeCursor(cursor, ZConcludedCursor);
  const keyset = after
    ? sql`(${cases.concludedAt}, ${cases.id}) < (timestamptz 'epoch' + ${after.key}::bigint * interval '1 microsecond', ${after.id}::uuid)`
    : undefined;
  const reviews = (status: string) => sql<number>`(select count(*)::int from tasks t where t.case_id = ${cases.id} and t.kind = 'review' and t.status = ${status})`;
  const found = await db
    .select({
      id: cases.id,
      concludedAtMicros: sql<string>`(extract(epoch from ${cases.concludedAt}) * 1000000)::bigint::text`,
      number: cases.number,
      subjectType: cases.subjectType,
      subjectCode: cases.subjectCode,
      subjectName: caseSubjectName(),
      status: cases.status,
      applicantType: cases.applicantType,
      personName: users.displayName,
      companyName: companies.name,
      concludedOn: sql<string>`((${cases.concludedAt}) at time zone 'Asia/Shanghai')::date::text`,
      approved: reviews("approved"),
      refused: reviews("refused"),
      rejected: reviews("rejected"),
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(companies, eq(companies.id, cases.companyId))
    .where(and(isNotNull(cases.concludedAt), keyset))
    // NULLS LAST, as the index is built (drizzle-kit writes DESC NULLS LAST), so PostgreSQL reads it in order.
    .orderBy(sql`${cases.concludedAt} desc nulls last, ${cases.id} desc nulls last`)
    .limit(size + 1);
  const page = found.slice(0, size);
  const last = page.at(-1);
  return {
    cases: page.map((row) => ({
      number: row.number,
      subjectType: row.subjectType,
      subjectCode: row.subjectCode,
      subjectName: row.subjectName,
      applicantKind: row.companyName === null ? ("person" as const) : ("company" as const),
      applicant: row.companyName === null ? maskName(row.personName) : maskCompanyName(row.companyName),
      result: resultOf(row),
      concludedOn: row.concludedOn,
    })),
    /** The cursor of the next (older) page, or null on the last page. */
    nextCursor: found.length > size && last ? encodeCursor({ key: last.concludedAtMicros, id: last.id }) : null,
  };
}

function resultOf(row: { status: string; approved: number; refused: number; rejected: number }): TCaseResult {
  const decided = row.approved + row.refused + row.rejected;
  if (row.status === "withdrawn" || decided === 0) return "withdrawn";
  if (row.approved === decided) return "approved";
  if (row.approved > 0) return "partly-approved";
  return row.rejected > 0 ? "rejected" : "refused";
}
