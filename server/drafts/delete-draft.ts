/** The applicant throws a draft away. Only their own. */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { drafts } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";

export async function deleteDraft(options: { db: TDatabase; actor: TActor; draftId: string }): Promise<{ ok: true } | TAppError> {
  const { db, actor, draftId } = options;
  if (!z.uuid().safeParse(draftId).success) return fail("not-found:draft");
  const deleted = await db
    .delete(drafts)
    .where(and(eq(drafts.id, draftId), eq(drafts.applicantId, actor.id)))
    .returning({ id: drafts.id });
  return deleted.length > 0 ? { ok: true } : fail("not-found:draft");
}
