import { sql } from "drizzle-orm";
import type { TDatabase } from "./client";

/**
 * The next value of the case-number sequence. `execute` is typed per driver; both drivers (PGlite and node-postgres)
 * return `{ rows }`, which is all this reads.
 */
export async function nextCaseSequence(tx: TDatabase): Promise<number> {
  const result = (await tx.execute(sql`select nextval('case_number_seq') as sequence`)) as unknown as {
    rows: { sequence: string | number }[];
  };
  return Number(result.rows[0].sequence);
}

/** The next value of the licence-number sequence (see nextCaseSequence). */
export async function nextLicenceSequence(tx: TDatabase): Promise<number> {
  const result = (await tx.execute(sql`select nextval('licence_number_seq') as sequence`)) as unknown as {
    rows: { sequence: string | number }[];
  };
  return Number(result.rows[0].sequence);
}

/**
 * The next document number of a department in a year (server/documents/issue-case-document.ts). One counter row per
 * department and year, incremented in place: the row stays locked until the issuing transaction ends, so two issues
 * at once wait for each other and never get the same number, on PostgreSQL and PGlite alike; a rolled-back issue
 * gives its number back.
 */
export async function nextDocumentSequence(tx: TDatabase, departmentId: string, year: number): Promise<number> {
  const result = (await tx.execute(sql`
    insert into document_number_counters (department_id, year, last_value) values (${departmentId}, ${year}, 1)
    on conflict (department_id, year) do update set last_value = document_number_counters.last_value + 1
    returning last_value as sequence`)) as unknown as { rows: { sequence: string | number }[] };
  return Number(result.rows[0].sequence);
}
