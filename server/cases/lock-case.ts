import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases } from "@/db/schema";

/**
 * Locks the case row until the transaction ends. Every change to a case's tasks takes this lock first, so the
 * derived case status and the event chain see the changes one at a time.
 */
export async function lockCase(tx: TDatabase, caseId: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  return row;
}
