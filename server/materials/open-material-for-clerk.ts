/**
 * A clerk opens an uploaded file of a case from their task page (plan.pdf, a photo). Allowed when the task is one of
 * the clerk's department's and its case names the file (material-references.ts); anything else — another
 * department's task, a file of another case, a made-up id — is not found, the same answer, so nothing is learnt
 * about what exists. Each open is recorded on the case's trail before the bytes are handed over.
 */
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { cases, files, tasks } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { checkTaskRequest } from "@/server/workflow/lock-department-task";
import { departmentFieldKeysOfTask } from "./department-field-keys-of-task";
import { caseNamesMaterial } from "./material-references";
import { recordMaterialView } from "./record-material-view";

export type TOpenedFile = { name: string; mediaType: string; content: Uint8Array };

export async function openMaterialForClerk(options: { db: TDatabase; actor: TActor; taskId: string; fileId: string }): Promise<TResult<{ file: TOpenedFile }>> {
  const { db, actor, taskId } = options;
  // Stored references spell ids in lower case; an id posted in capitals names the same file.
  const fileId = options.fileId.toLowerCase();
  const request = checkTaskRequest(actor, taskId);
  if (!request.ok || !request.departmentId || !z.uuid().safeParse(fileId).success) return fail("not-found:material");

  // Only the materials of the department's own part of the form.
  const fieldKeys = await departmentFieldKeysOfTask(db, { taskId, departmentId: request.departmentId });
  if (fieldKeys === null) return fail("not-found:material");
  const [found] = await db
    .select({ caseId: cases.id, name: files.name, mediaType: files.mediaType, content: files.content })
    .from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(files, eq(files.id, fileId))
    .where(and(eq(tasks.id, taskId), eq(tasks.departmentId, request.departmentId), caseNamesMaterial({ kind: "file", fileId }, { fieldKeys })))
    .limit(1);
  if (!found) return fail("not-found:material");

  await recordMaterialView(db, { caseId: found.caseId, taskId, actorId: actor.id, material: { kind: "file", fileId, name: found.name } });
  return { ok: true, file: { name: found.name, mediaType: found.mediaType, content: found.content } };
}
