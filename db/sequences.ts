import { sql } from "drizzle-orm";
import type { TDatabase } from "./client";
import { executeRows } from "./execute-rows";

/** The next value of the case-number sequence. */
export async function nextCaseSequence(tx: TDatabase): Promise<number> {
  const [row] = await executeRows<{ sequence: string | number }>(tx, sql`select nextval('case_number_seq') as sequence`);
  return Number(row.sequence);
}

/** The next value of the licence-number sequence. */
export async function nextLicenceSequence(tx: TDatabase): Promise<number> {
  const [row] = await executeRows<{ sequence: string | number }>(tx, sql`select nextval('licence_number_seq') as sequence`);
  return Number(row.sequence);
}

/**
 * The next document number of a department in a year (server/documents/issue-case-document.ts). One counter row per
 * department and year, incremented in place: the row stays locked until the issuing transaction ends, so two issues
 * at once wait for each other and never get the same number, on PostgreSQL and PGlite alike; a rolled-back issue
 * gives its number back.
 */
export async function nextDocumentSequence(tx: TDatabase, departmentId: string, year: number): Promise<number> {
  const [row] = await executeRows<{ sequence: string | number }>(
    tx,
    sql`
    insert into document_number_counters (department_id, year, last_value) values (${departmentId}, ${year}, 1)
    on conflict (department_id, year) do update set last_value = document_number_counters.last_value + 1
    returning last_value as sequence`,
  );
  return Number(row.sequence);
}
