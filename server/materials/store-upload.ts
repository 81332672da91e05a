/**
 * Stores one uploaded file for a material field. The type is read from the file's content (magic numbers),
 * never from its name or the browser's claim, and must be one the field accepts; so must the size.
 */
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import type { TDatabase } from "@/db/client";
import { files } from "@/db/schema";
import type { TMaterialRef } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import type { TActor } from "@/server/auth/actor";

export type TUploadRefusal = "file-empty" | "file-too-large" | "file-type-not-allowed";
export type TStoreUploadResult = { ok: true; ref: Extract<TMaterialRef, { kind: "file" }> } | { ok: false; reason: TUploadRefusal; name: string };

/** Names are shown, never trusted: keep them short and free of path and control characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = [...base.replace(/[\u0000-\u001f\u007f]/g, "").trim()].slice(0, 120).join("");
  return cleaned === "" ? "file" : cleaned;
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
    .values({ ownerId: actor.id, name, mediaType, size: content.byteLength, sha256, content })
    .returning({ id: files.id });
  return { ok: true, ref: { kind: "file", fileId: row.id, name, mediaType, size: content.byteLength } };
}
