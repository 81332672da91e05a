/** GB/T 2260 regions (a code, or the cascade's choices) and addresses (a region and the street). */
import type { TAddress } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import { regionLevelDepth, type TRegionLevel, type TRegionLookup } from "@/lib/regions/lookup-type";
import { coerceText } from "@/lib/forms/coerce/coerce-text";
import { absent, accept, fail, isBlank, isRecord, keepPrimitive, own, readCode, readPrimitive, type TContext, type TOutcome, type TRecord } from "@/lib/forms/coerce/raw-values";

const regionCodePattern = /^[1-9]\d{5}$/;
const regionParts = ["province", "city", "county"] as const;

/** Whether `code` lies under `ancestor`: by the table when there is one, else by the code's structure. */
function isUnder(code: string, ancestor: string, regions: TRegionLookup | undefined): boolean {
  if (regions) {
    for (let region = regions.get(code); region?.parentCode; region = regions.get(region.parentCode)) {
      if (region.parentCode === ancestor) return true;
    }
    return false;
  }
  if (code === ancestor) return false;
  if (ancestor.endsWith("0000")) return code.startsWith(ancestor.slice(0, 2));
  if (ancestor.endsWith("00")) return code.startsWith(ancestor.slice(0, 4)) && !code.endsWith("00");
  return false;
}

/**
 * A region code (6 digits) or the cascade's { province, city, county } choices, answered as the deepest code
 * chosen. It must be chosen down to `level` unless the region has nothing at that level (东莞市 has no
 * counties; 上海市 has districts but no city level).
 */
export function coerceRegion(raw: unknown, level: TRegionLevel, context: TContext): TOutcome<string> {
  const parts = isRecord(raw) ? regionParts.map((part) => own(raw, part)) : [raw];
  const keep: TRecord = {};
  const codes: string[] = [];
  let malformed = false;
  parts.forEach((part, index) => {
    const value = readPrimitive(part);
    if (isBlank(value)) return;
    if (isRecord(raw)) keep[regionParts[index]] = keepPrimitive(value!);
    const text = readCode(value!);
    if (text !== null && regionCodePattern.test(text)) codes.push(text);
    else malformed = true;
  });
  if (!malformed && codes.length === 0) return absent;
  const kept = isRecord(raw) ? keep : keepPrimitive(readPrimitive(raw)!);
  if (malformed) return fail("invalid-region", kept);
  for (let i = 1; i < codes.length; i += 1) {
    if (!isUnder(codes[i], codes[i - 1], context.regions)) return fail("invalid-region", kept);
  }
  const code = codes[codes.length - 1];
  if (context.regions) {
    const region = context.regions.get(code);
    if (!region) return fail("invalid-region", kept);
    if (regionLevelDepth(region.level) < regionLevelDepth(level) && context.regions.hasChildren(code, level)) {
      return fail("region-incomplete", kept, { level });
    }
  }
  return accept(code);
}

/** Posted as { region, detail }: the region chosen down to county level, and the street and number. */
export function coerceAddress(field: TFieldOf<"address">, raw: unknown, context: TContext): TOutcome<TAddress> {
  if (!isRecord(raw)) return absent;
  const region = coerceRegion(own(raw, "region"), "county", context);
  const detail = coerceText(own(raw, "detail"), field.maxLength, false);
  if (region.kind === "absent" && detail.kind === "absent") return absent;
  const keep: TRecord = {};
  if (region.kind !== "absent") keep.region = region.kind === "value" ? region.value : region.keep;
  if (detail.kind !== "absent") keep.detail = detail.kind === "value" ? detail.value : detail.keep;
  if (region.kind === "error") return { kind: "error", error: region.error, keep };
  if (region.kind === "absent") return fail("address-region-required", keep);
  if (detail.kind === "error") return { kind: "error", error: detail.error, keep };
  if (detail.kind === "absent") return fail("address-detail-required", keep);
  return accept({ region: region.value, detail: detail.value });
}
