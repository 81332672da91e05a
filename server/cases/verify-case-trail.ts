/** Recomputes a case's hash chain: any event rewritten, removed or inserted out of order breaks it. */
import { asc, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { caseEvents } from "@/db/schema";
import { hashCaseEvent } from "./append-case-event";

export async function verifyCaseTrail({ db, caseId }: { db: TDatabase; caseId: string }) {
  const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
  let prevHash: string | null = null;
  for (const event of events) {
    const expected = hashCaseEvent(prevHash, { ...event, at: event.createdAt.toISOString() });
    if (event.prevHash !== prevHash || event.hash !== expected) return { ok: false as const, brokenAt: event.id };
    prevHash = event.hash;
  }
  return { ok: true as const, length: events.length };
}
