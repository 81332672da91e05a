/** Materials: uploaded files and wallet e-licences, as references. */
import type { TMaterialRef } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import { toDisplayName } from "@/lib/text/plain-text";
import { absent, accept, fail, isRecord, keepPrimitive, listEntries, maxRawLength, own, readPrimitive, type TOutcome, type TRecord } from "@/lib/forms/coerce/raw-values";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxFileNameLength = 255;
const materialKeys = ["kind", "fileId", "name", "mediaType", "size", "licenceId"] as const;

function readMaterialRef(entry: TRecord, field: TFieldOf<"material">): TMaterialRef | null {
  const text = (key: string) => {
    const value = own(entry, key);
    return typeof value === "string" && value.length <= maxRawLength ? value.trim() : undefined;
  };
  const kind = own(entry, "kind");
  if (kind === "file") {
    const fileId = text("fileId");
    // Shown to the clerk: never with characters that would make it read as another name (a bidi override).
    const name = toDisplayName(text("name") ?? "", { max: maxFileNameLength });
    const mediaType = text("mediaType");
    const size = own(entry, "size");
    if (!fileId || !uuidPattern.test(fileId)) return null;
    if (!name) return null;
    if (!mediaType || !(field.accept as readonly string[]).includes(mediaType)) return null;
    if (typeof size !== "number" || !Number.isInteger(size) || size <= 0 || size > field.maxSizeKb * 1024) return null;
    return { kind: "file", fileId: fileId.toLowerCase(), name, mediaType, size };
  }
  if (kind === "licence") {
    const licenceId = text("licenceId");
    if (field.licenceTypes.length === 0 || !licenceId || !uuidPattern.test(licenceId)) return null;
    return { kind: "licence", licenceId: licenceId.toLowerCase() };
  }
  return null;
}

/** Uploaded files and wallet e-licences. Whether they belong to this applicant is the server's check. */
export function coerceMaterial(field: TFieldOf<"material">, raw: unknown): TOutcome<TMaterialRef[]> {
  const entries = listEntries(raw).filter(isRecord);
  if (entries.length === 0) return absent;
  // Stored as posted, but only the properties a reference has, and only scalar values.
  const keep = entries.map((entry) => {
    const kept: TRecord = {};
    for (const key of materialKeys) {
      const value = readPrimitive(own(entry, key));
      if (value !== undefined) kept[key] = keepPrimitive(value);
    }
    return kept;
  });
  if (entries.length > field.maxFiles) return fail("too-many-files", keep, { max: field.maxFiles });
  const refs: TMaterialRef[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const ref = readMaterialRef(entry, field);
    if (!ref) return fail("invalid-material", keep);
    const id = ref.kind === "file" ? `file:${ref.fileId}` : `licence:${ref.licenceId}`;
    if (!seen.has(id)) refs.push(ref);
    seen.add(id);
  }
  return accept(refs);
}
