/**
 * Fills in the desk's search text for cases stored before cases had one (migration case_applicant_search added the column; pinyin
 * cannot be made in SQL). Run by scripts/setup.ts after the migrations, in batches; a case submitted meanwhile
 * already has its text, so running it again only finds what is still missing.
 */
import { eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases, companies, users } from "@/db/schema";
import { applicantSearchFor } from "./describe-applicant";

const batchSize = 500;

/** How many cases got their search text. */
export async function backfillApplicantSearch({ db }: { db: TDatabase }): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await db
      .select({
        id: cases.id,
        personName: users.displayName,
        idNumber: users.residentIdNumber,
        companyName: companies.name,
        uscc: companies.uscc,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.applicantId))
      .leftJoin(companies, eq(companies.id, cases.companyId))
      .where(isNull(cases.applicantSearch))
      .limit(batchSize);
    if (batch.length === 0) return filled;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        const company = row.companyName !== null && row.uscc !== null ? { name: row.companyName, uscc: row.uscc } : undefined;
        const search = applicantSearchFor({ person: { name: row.personName, idNumber: row.idNumber }, company });
        await tx.update(cases).set(search).where(eq(cases.id, row.id));
      }
    });
    filled += batch.length;
    if (batch.length < batchSize) return filled;
  }
}

