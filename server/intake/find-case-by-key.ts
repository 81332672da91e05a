import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases } from "@/db/schema";

/** The case an applicant's submit with this idempotency key created, if any. */
export async function findCaseNumberByKey(db: TDatabase, applicantId: string, idempotencyKey: string) {
  const [row] = await db
    .select({ number: cases.number })
    .from(cases)
    .where(and(eq(cases.applicantId, applicantId), eq(cases.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row?.number ?? null;
}
