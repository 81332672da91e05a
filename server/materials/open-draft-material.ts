/**
 * The applicant opens a file they attached to a draft, from its check page, before submitting: a draft they
 * started, whose answers name a file they uploaded themselves. Anything else — someone else's draft or file, a file
 * removed from the draft, a made-up id — is not found (the file's address names nothing else of theirs).
 */
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { drafts, files } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { answersName } from "./material-references";
import type { TOpenedFile } from "./open-material-for-clerk";

export async function openDraftMaterial(options: { db: TDatabase; actor: TActor; draftId: string; fileId: string }): Promise<TResult<{ file: TOpenedFile }>> {
  const { db, actor, draftId } = options;
  const fileId = options.fileId.toLowerCase();
  if (!z.uuid().safeParse(draftId).success || !z.uuid().safeParse(fileId).success) return fail("not-found:material");
  const [found] = await db
    .select({ name: files.name, mediaType: files.mediaType, content: files.content })
    .from(drafts)
    .innerJoin(files, and(eq(files.id, fileId), eq(files.ownerId, actor.id)))
    .where(and(eq(drafts.id, draftId), eq(drafts.applicantId, actor.id), answersName(sql`${drafts.answers}`, { kind: "file", fileId }, undefined)))
    .limit(1);
  if (!found) return fail("not-found:material");
  return { ok: true, file: found };
}
