/**
 * Marks the uploads a case's answers (or an answered supplement) name as that case's, in the transaction that makes
 * them the case's: from then on the orphan purge (purge-orphaned-uploads.ts) never considers them. A file another
 * case named first keeps that case.
 */
import { and, inArray, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { files } from "@/db/schema";
import type { TAnswers } from "@/lib/forms/answers";

/** The file ids the answers name: material answers are top-level arrays of `{ kind: "file", fileId }` or licences. */
export function namedFileIds(answers: TAnswers): string[] {
  const ids = new Set<string>();
  for (const value of Object.values(answers)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (item && typeof item === "object" && (item as { kind?: unknown }).kind === "file" && typeof (item as { fileId?: unknown }).fileId === "string") ids.add((item as { fileId: string }).fileId);
    }
  }
  return [...ids];
}

export async function attachFilesToCase(tx: TDatabase, { caseId, answers }: { caseId: string; answers: TAnswers }) {
  const ids = namedFileIds(answers);
  if (ids.length === 0) return;
  await tx.update(files).set({ caseId }).where(and(inArray(files.id, ids), isNull(files.caseId)));
}
