/**
 * Every case's trail checked, after a restore or on demand: the cases whose chain is broken, with the first event
 * that breaks it. Cases are read in pages by id, so memory stays flat however many there are.
 */
import { asc, gt } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { cases } from "@/db/schema";
import { verifyCaseTrail } from "./verify-case-trail";

const pageSize = 500;

export async function verifyAllCaseTrails({ db }: { db: TDatabase }) {
  let checked = 0;
  let events = 0;
  const broken: { caseNumber: string; eventId: number }[] = [];
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const page = await db.select({ id: cases.id, number: cases.number }).from(cases).where(gt(cases.id, after)).orderBy(asc(cases.id)).limit(pageSize);
    for (const row of page) {
      const trail = await verifyCaseTrail({ db, caseId: row.id });
      if (trail.ok) events += trail.length;
      else broken.push({ caseNumber: row.number, eventId: trail.brokenAt });
    }
    checked += page.length;
    if (page.length < pageSize) return { cases: checked, events, broken };
    after = page.at(-1)!.id;
  }
}
