/**
 * Stores one uploaded file for a material field. The type is read from the file's content (magic numbers),
 * never from its name or the browser's claim, and must be one the field accepts; so must the size.
 */
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { TDatabase } from "@/db/client";
import { fileContentContext, files } from "@/db/schema";
import { sealBytes } from "@/db/sealing/seal";
import { isSensitive } from "@/lib/forms/data-class";
import type { TMaterialRef } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import { toDisplayName } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";

export type TUploadRefusal = "file-empty" | "file-too-large" | "file-type-not-allowed";
export type TStoreUploadResult = { ok: true; ref: Extract<TMaterialRef, { kind: "file" }> } | { ok: false; reason: TUploadRefusal; name: string };

/**
 * Names are shown to clerks, never trusted: short, without folders, control characters or bidi overrides (which
 * would make "invoice\u202Efdp.exe" read "invoiceexe.pdf"). Removed rather than refused: the name is only a label,
 * and the applicant should not have to rename a file on their device to upload it.
 */
function cleanName(name: string): string {
  return toDisplayName(name, { max: 120 }) || "file";
}

export async function storeUpload(options: {
  db: TDatabase;
  actor: TActor;
  field: TFieldOf<"material">;
  file: File;
}): Promise<TStoreUploadResult> {
  const { db, actor, field, file } = options;
  const name = cleanName(file.name);
  if (file.size === 0) return { ok: false, reason: "file-empty", name };
  if (file.size > field.maxSizeKb * 1024) return { ok: false, reason: "file-too-large", name };

  const content = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(content);
  const mediaType = detected?.mime;
  if (!mediaType || !(field.accept as readonly string[]).includes(mediaType)) return { ok: false, reason: "file-type-not-allowed", name };

  const sha256 = createHash("sha256").update(content).digest("hex");
  const [row] = await db
    .insert(files)
    // A file of the sensitive class (a medical report, an income statement) is sealed at rest like its answers.
    .values({ ownerId: actor.id, name, mediaType, size: content.byteLength, sha256, content: isSensitive(field) ? sealBytes(content, fileContentContext) : content })
    .returning({ id: files.id });
  return { ok: true, ref: { kind: "file", fileId: row.id, name, mediaType, size: content.byteLength } };
}
