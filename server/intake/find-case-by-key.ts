import { and, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases } from "@/db/schema";

/**
 * The case an applicant's submit with this idempotency key created, if any; `by: "filer"` looks among the cases a
 * counter clerk filed for others instead.
 */
export async function findCaseNumberByKey(db: TDatabase, personId: string, idempotencyKey: string, by: "applicant" | "filer" = "applicant") {
  const [row] = await db
    .select({ number: cases.number })
    .from(cases)
    .where(and(eq(by === "applicant" ? cases.applicantId : cases.filedById, personId), eq(cases.idempotencyKey, idempotencyKey)))
    .limit(1);
  return row?.number ?? null;
}
