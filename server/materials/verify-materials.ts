/**
 * Before a case is written: every material an answer names must be the applicant's own upload, or an e-licence
 * they hold of a type the field accepts (a scan uploaded at the counter is the filing clerk's upload), valid today (not revoked, not expired) and still matching its signature.
 * File details are re-read from the database, so a forged name, type or size in the answers is replaced by the truth.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { files } from "@/db/schema";
import type { TAnswers, TMaterialRef } from "@/lib/forms/answers";
import { listFields, type TFormDefinition } from "@/lib/forms/definition";
import type { TActor } from "@/server/auth/actor";
import { fail, type TAppError } from "@/server/errors";
import { filterAuthenticLicences } from "@/server/licences/filter-authentic-licences";
import { listUsableLicences } from "@/server/prefill/resolve-prefill";

export async function verifyMaterials(options: {
  db: TDatabase;
  actor: TActor;
  companyId: string | null;
  definition: TFormDefinition;
  answers: TAnswers;
  today: string;
  /** Who uploaded the files: the applicant, or the counter clerk filing for them. Defaults to the actor. */
  uploaderId?: string;
}): Promise<{ ok: true; answers: TAnswers } | (TAppError & { field: string })> {
  const { db, actor, companyId, definition, answers, today } = options;
  const materialFields = listFields(definition).filter((field) => field.type === "material" && Array.isArray(answers[field.key]));
  if (materialFields.length === 0) return { ok: true, answers };

  const refs = materialFields.flatMap((field) => answers[field.key] as TMaterialRef[]);
  const fileIds = refs.flatMap((ref) => (ref.kind === "file" ? [ref.fileId] : []));
  const [ownFiles, currentLicences] = await Promise.all([
    fileIds.length > 0
      ? db
          .select({ id: files.id, name: files.name, mediaType: files.mediaType, size: files.size })
          .from(files)
          .where(and(inArray(files.id, fileIds), eq(files.ownerId, options.uploaderId ?? actor.id)))
      : [],
    refs.some((ref) => ref.kind === "licence") ? listUsableLicences({ db, actor, companyId, today }) : [],
  ]);
  const named = new Set(refs.flatMap((ref) => (ref.kind === "licence" ? [ref.licenceId] : [])));
  const usableLicences = await filterAuthenticLicences(db, currentLicences.filter((licence) => named.has(licence.id)));

  const verified: TAnswers = { ...answers };
  for (const field of materialFields) {
    if (field.type !== "material") continue;
    const checked: TMaterialRef[] = [];
    for (const ref of answers[field.key] as TMaterialRef[]) {
      if (ref.kind === "file") {
        const file = ownFiles.find((candidate) => candidate.id === ref.fileId);
        if (!file || !(field.accept as readonly string[]).includes(file.mediaType)) return { ...fail("invalid:material"), field: field.key };
        checked.push({ kind: "file", fileId: file.id, name: file.name, mediaType: file.mediaType, size: file.size });
      } else {
        const licence = usableLicences.find((candidate) => candidate.id === ref.licenceId);
        if (!licence || !field.licenceTypes.includes(licence.type)) return { ...fail("invalid:material"), field: field.key };
        checked.push({ kind: "licence", licenceId: licence.id });
      }
    }
    verified[field.key] = checked;
  }
  return { ok: true, answers: verified };
}
