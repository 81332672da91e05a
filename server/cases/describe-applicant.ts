/**
 * What a case keeps for the desk's search about who applied (written at submit, and by the backfill for cases stored
 * before): the names as search text with their pinyin, and the last four characters of the company's credit code,
 * else of the person's ID number. Never a whole number.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companies, users } from "@/db/schema";
import { applicantSearchText } from "@/lib/text/search-text";

export type TApplicantSearch = { applicantSearch: string; applicantIdTail: string | null };

export type TDescribeApplicantOptions = { db: TDatabase; applicantId: string; companyId: string | null };

export async function describeApplicant({ db, applicantId, companyId }: TDescribeApplicantOptions): Promise<TApplicantSearch> {
  const [person] = await db.select({ name: users.displayName, idNumber: users.residentIdNumber }).from(users).where(eq(users.id, applicantId));
  const [company] = companyId ? await db.select({ name: companies.name, uscc: companies.uscc }).from(companies).where(eq(companies.id, companyId)) : [];
  return applicantSearchFor({ person, company });
}

/** The same from rows already read (the bulk seed of queue tasks). */
export function applicantSearchFor({ person, company }: { person?: { name: string; idNumber: string | null }; company?: { name: string; uscc: string } }): TApplicantSearch {
  const names = [
    ...(company ? [{ name: company.name, kind: "company" as const }] : []),
    ...(person ? [{ name: person.name, kind: "person" as const }] : []),
  ];
  const number = company?.uscc ?? person?.idNumber ?? null;
  return { applicantSearch: applicantSearchText(names), applicantIdTail: number && number.length >= 4 ? number.slice(-4).toUpperCase() : null };
}
