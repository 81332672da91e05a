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
