/**
 * What a material field holds after a post: files already attached stay unless removed; wallet licences follow the
 * ticked boxes; new uploads are stored (typed by content) and added. Shared by the wizard and supplement answers.
 */
import { formatFileSize } from "@/lib/i18n/format";
import type { TDatabase } from "@/db/client";
import type { TMaterialRef } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/validate-answers";
import type { TActor } from "@/server/auth/actor";
import { storeUpload } from "./store-upload";

function asStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
}

export async function mergeMaterial(options: {
  db: TDatabase;
  actor: TActor;
  field: TFieldOf<"material">;
  kept: unknown;
  posted: unknown;
  files: File[];
  /** A file the applicant asked to remove. */
  removeFileId?: string;
  /** Upload refusals are written here, by field key. */
  uploadErrors: Record<string, TFieldError>;
}): Promise<TMaterialRef[]> {
  const { db, actor, field, posted, files, removeFileId, uploadErrors } = options;
  const keptRefs = Array.isArray(options.kept) ? (options.kept as TMaterialRef[]) : [];
  const attached = keptRefs.filter((ref) => ref?.kind === "file" && ref.fileId !== removeFileId);
  const ticked = posted !== null && typeof posted === "object" && !Array.isArray(posted) ? asStrings((posted as Record<string, unknown>).licence) : [];
  const licences: TMaterialRef[] = [...new Set(ticked)].map((licenceId) => ({ kind: "licence", licenceId }));

  const refs: TMaterialRef[] = [...licences, ...attached];
  for (const file of files) {
    // An empty file input still posts one empty File, named "" by a plain post and "undefined" by React's.
    if (file.size === 0 && (file.name === "" || file.name === "undefined")) continue;
    if (refs.length >= field.maxFiles) {
      // Licences alone filling the field means the applicant did two things meant as alternatives: say that, not
      // a count they did not exceed on purpose.
      const code = licences.length >= field.maxFiles ? "file-or-licence" : "too-many-files";
      uploadErrors[field.key] = { code, params: { max: field.maxFiles } };
      break;
    }
    const stored = await storeUpload({ db, actor, field, file });
    if (stored.ok) refs.push(stored.ref);
    // The limit with its unit ("500 KB", "10 MB"), the same in every language: never rounded down to "0 MB".
    else uploadErrors[field.key] = { code: stored.reason, params: { name: stored.name, max: formatFileSize(field.maxSizeKb * 1024, "en") } };
  }
  return refs;
}
