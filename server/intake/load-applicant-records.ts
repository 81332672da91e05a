/**
 * What a submit reads about who applies, in one statement: the case an earlier submit with this idempotency key
 * created (if any), the person's record and the company's (registry entry). The prefill and the case's search text
 * are derived from these rows, so a submit asks the database once before its transaction instead of five times
 * (docs/BENCHMARKS.md, bench:intake).
 */
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { prepareStatement } from "@/db/prepared";
import { cases, companies, users } from "@/db/schema";
import type { TPrefillRecords } from "@/server/prefill/resolve-prefill";

export type TApplicantRecords = TPrefillRecords & {
  /** The number of the case an earlier submit with the same key created. */
  existingCaseNumber: string | null;
};

type TValues = { applicantId: string; companyId: string | null; idempotencyKey: string };
const loadRecords = prepareStatement<TValues, ReturnType<typeof buildLoadRecords>>("intake.load-applicant-records", buildLoadRecords);

function buildLoadRecords(db: TDatabase) {
  const applicantId = sql.placeholder("applicantId");
  const earlier = db
    .select({ number: cases.number })
    .from(cases)
    .where(and(eq(cases.applicantId, applicantId), eq(cases.idempotencyKey, sql.placeholder("idempotencyKey"))))
    .limit(1);
  return db
    .select({
      existingCaseNumber: sql<string | null>`(${earlier})`,
      person: { displayName: users.displayName, residentIdNumber: users.residentIdNumber, mobile: users.mobile },
      company: getTableColumns(companies),
    })
    .from(users)
    .leftJoin(companies, eq(companies.id, sql`${sql.placeholder("companyId")}::uuid`))
    .where(eq(users.id, applicantId));
}

/** `companyId`: the company applying (already checked to be one of the applicant's), or null. */
export async function loadApplicantRecords(db: TDatabase, values: TValues): Promise<TApplicantRecords> {
  const [row] = await loadRecords(db, values);
  if (!row) throw new Error("loadApplicantRecords: the applicant's record is missing");
  return row;
}
