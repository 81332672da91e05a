/** Tests' view of who hears an outbox row: the person it names, or a current member of the company it names. */
import { eq, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { companyMembers, outbox } from "@/db/schema";

export function isOutboxFor(db: TDatabase, userId: string) {
  return or(
    eq(outbox.recipientId, userId),
    inArray(outbox.companyId, db.select({ companyId: companyMembers.companyId }).from(companyMembers).where(eq(companyMembers.userId, userId))),
  );
}
