/**
 * What a crash may have broken, read from the database afterwards: acknowledged submissions that are missing, and
 * any case, task or licence left half-written. Shared by the kill -9 test (crash-during-submissions.test.ts) and the
 * replicas test (scripts/replicas/), which kills a replica behind nginx; every list empty means nothing was lost.
 */
import { inArray, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { cases } from "@/db/schema";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";

export type TSubmissionDamage = {
  /** Acknowledged case numbers with no case. */
  missing: string[];
  /** Cases without a task, without their first event (case-submitted), or a bundle with fewer than its tasks. */
  withoutTasks: string[];
  withoutFirstEvent: string[];
  bundleWithoutItsTasks: string[];
  /** Approved tasks without their licence (an instant approval is written in the same transaction). */
  approvedWithoutLicence: string[];
  /** Cases whose trail (hash chain) is broken. */
  brokenTrails: string[];
};

/**
 * `onlyAcknowledged`: look for half-written cases among the acknowledged ones alone (a database that other work
 * filled too, where an approved task need not have a licence); every case's trail is checked either way.
 */
export async function findIncompleteSubmissions({
  db,
  acknowledged,
  onlyAcknowledged = false,
}: {
  db: TDatabase;
  acknowledged: string[];
  onlyAcknowledged?: boolean;
}): Promise<TSubmissionDamage & { cases: number; events: number }> {
  const found = new Set<string>();
  for (let i = 0; i < acknowledged.length; i += 500) {
    const rows = await db.select({ number: cases.number }).from(cases).where(inArray(cases.number, acknowledged.slice(i, i + 500)));
    for (const row of rows) found.add(row.number);
  }
  const inScope = onlyAcknowledged ? sql`c.number = any(${sql.param(acknowledged)}::text[])` : sql`true`;
  const column = async (query: ReturnType<typeof sql>) => (await executeRows<{ id: string }>(db, query)).map((row) => String(row.id));
  const trails = await verifyAllCaseTrails({ db });
  return {
    missing: acknowledged.filter((number) => !found.has(number)),
    withoutTasks: await column(sql`select c.number as id from cases c where ${inScope} and not exists (select 1 from tasks t where t.case_id = c.id)`),
    withoutFirstEvent: await column(sql`select c.number as id from cases c where ${inScope} and not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'case-submitted')`),
    bundleWithoutItsTasks: await column(sql`select c.number as id from cases c where ${inScope} and c.subject_code = 'BUNDLE-RESTAURANT' and (select count(*) from tasks t where t.case_id = c.id) < 2`),
    approvedWithoutLicence: await column(sql`select t.id from tasks t join cases c on c.id = t.case_id where ${inScope} and t.status = 'approved' and not exists (select 1 from licences l where l.task_id = t.id)`),
    brokenTrails: trails.broken.map((trail) => `${trail.caseNumber} (event ${trail.eventId})`),
    cases: trails.cases,
    events: trails.events,
  };
}

/** Only the lists, for a test to compare with all-empty. */
export const damageOnly = ({ cases: _cases, events: _events, ...damage }: Awaited<ReturnType<typeof findIncompleteSubmissions>>): TSubmissionDamage => damage;

export const noDamage: TSubmissionDamage = { missing: [], withoutTasks: [], withoutFirstEvent: [], bundleWithoutItsTasks: [], approvedWithoutLicence: [], brokenTrails: [] };
