/**
 * The applicant opens a file of their own case from the tracker: their case, or one of a company they act for,
 * that names the file (material-references.ts). Someone else's case, a file the case does not name and a made-up id
 * are all not found. The applicant's own look is not recorded: the trail records staff looking at their data.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, files } from "@/db/schema";
import { caseNumberPattern } from "@/lib/workflow/case-number";
import type { TActor } from "@/server/auth/actor";
import { casesVisibleToApplicant } from "@/server/cases/case-access";
import { fail, type TResult } from "@/server/errors";
import { caseNamesMaterial } from "./material-references";
import type { TOpenedFile } from "./open-material-for-clerk";

export async function openMaterialForApplicant(options: { db: TDatabase; actor: TActor; caseNumber: string; fileId: string }): Promise<TResult<{ file: TOpenedFile }>> {
  const { db, actor, caseNumber } = options;
  const fileId = options.fileId.toLowerCase();
  if (!caseNumberPattern.test(caseNumber) || !z.uuid().safeParse(fileId).success) return fail("not-found:material");
  const [found] = await db
    .select({ name: files.name, mediaType: files.mediaType, content: files.content })
    .from(cases)
    .innerJoin(files, eq(files.id, fileId))
    .where(and(eq(cases.number, caseNumber), casesVisibleToApplicant(actor), caseNamesMaterial({ kind: "file", fileId })))
    .limit(1);
  if (!found) return fail("not-found:material");
  return { ok: true, file: found };
}
