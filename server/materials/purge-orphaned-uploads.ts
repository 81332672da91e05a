/**
 * Deletes uploads nobody will ever use (retention, PIPL's minimum necessity): a file no case has named
 * (files.case_id, set in the transaction that made it a case's), named by no draft of its uploader nor by a
 * supplement still being written, and older than a day — so an upload whose draft is being saved, or a scan the
 * counter is about to attach, is never taken from under it. As a last guard, a file named by any case its uploader
 * applied for or filed is kept even if the mark is missing. Run by the outbox worker's loop with the draft purge;
 * replicas may run it at once (a row deleted by one is not there for the other).
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

/** How old an unattached upload must be before it counts as an orphan. */
export const ORPHAN_AFTER_MS = 24 * 60 * 60 * 1000;

/** Deleted per run at most: a backlog goes over several runs rather than in one long statement. */
const batch = 500;

/** Whether the answers (a jsonb expression) name the file `f.id` among their top-level material arrays. */
const names = (answers: string) =>
  sql.raw(`exists (select 1 from jsonb_each(${answers}) as answer(key, value) where jsonb_typeof(answer.value) = 'array'
    and answer.value @> jsonb_build_array(jsonb_build_object('kind', 'file', 'fileId', f.id::text)))`);

export async function purgeOrphanedUploads({ db, now = new Date() }: { db: TDatabase; now?: Date }): Promise<{ deleted: number }> {
  const before = new Date(now.getTime() - ORPHAN_AFTER_MS);
  const deleted = await executeRows<{ id: string }>(
    db,
    sql`delete from files where id in (
      select f.id from files f
      where f.case_id is null and f.created_at < ${before.toISOString()}::timestamptz
        and not exists (select 1 from drafts d where d.applicant_id = f.owner_id and ${names("d.answers")})
        and not exists (select 1 from supplement_requests s where s.status = 'open' and jsonb_typeof(s.answers) = 'object' and ${names("s.answers")})
        and not exists (select 1 from cases c where (c.applicant_id = f.owner_id or c.filed_by_id = f.owner_id) and ${names("c.answers")})
      order by f.created_at
      limit ${batch}
    ) returning id`,
  );
  return { deleted: deleted.length };
}
