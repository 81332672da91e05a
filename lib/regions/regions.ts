/**
 * GB/T 2260 administrative divisions (province, city, county) from lib/regions/regions.json, built by
 * scripts/regions/build-regions.ts. The pseudo-levels 市辖区 and 省直辖县级行政区划 are collapsed there, so a
 * municipality's districts are its direct children: 上海市 → 浦东新区.
 *
 * Importing this module loads the whole table (~175 KB, ~55 KB gzipped); the form validator takes the lookup
 * as an option instead, so the browser loads the table only where a page asks for it.
 */
import type { TRegion, TRegionLevel, TRegionLookup } from "@/lib/regions/lookup-type";
import { regionLevelDepth } from "@/lib/regions/lookup-type";
import rows from "@/lib/regions/regions.json";

export type { TRegion, TRegionLevel, TRegionLookup } from "@/lib/regions/lookup-type";

function levelOf(code: string): TRegionLevel {
  if (code.endsWith("0000")) return "province";
  if (code.endsWith("00")) return "city";
  return "county";
}

const regions = new Map<string, TRegion>();
const children = new Map<string | null, TRegion[]>();

for (const [code, zhHans, zhHant, en] of rows as [string, string, string, string][]) {
  regions.set(code, { code, name: { "zh-Hans": zhHans, "zh-Hant": zhHant || zhHans, en }, parentCode: null, level: levelOf(code) });
}
// Parents are derived, not stored: a city's is its province; a county's is its city when that exists, else its
// province (municipalities, and counties directly administered by a province).
for (const region of regions.values()) {
  const province = `${region.code.slice(0, 2)}0000`;
  const city = `${region.code.slice(0, 4)}00`;
  if (region.level === "city") region.parentCode = province;
  if (region.level === "county") region.parentCode = regions.has(city) ? city : province;
  const siblings = children.get(region.parentCode) ?? [];
  siblings.push(region);
  children.set(region.parentCode, siblings);
}
// Shared by every caller: nobody may rename 浦东新区 for everyone else.
for (const region of regions.values()) {
  Object.freeze(region.name);
  Object.freeze(region);
}

/** A region by its six-digit code. */
export function getRegion(code: string): TRegion | undefined {
  return regions.get(code);
}

/** The regions directly under a region in code order; null lists the provinces. */
export function listRegionChildren(parentCode: string | null): readonly TRegion[] {
  return children.get(parentCode) ?? [];
}

/** From the province down to the region itself (empty for an unknown code): 310115 → [上海市, 浦东新区]. */
export function listRegionPath(code: string): TRegion[] {
  const path: TRegion[] = [];
  for (let region = regions.get(code); region; region = region.parentCode ? regions.get(region.parentCode) : undefined) {
    path.unshift(region);
  }
  return path;
}

/** The lookup validateAnswers takes on the server. */
export const regionLookup: TRegionLookup = {
  get: getRegion,
  hasChildren(code, upTo) {
    const list = children.get(code);
    if (!list || list.length === 0) return false;
    if (upTo === undefined) return true;
    const depth = regionLevelDepth(upTo);
    return list.some((child) => regionLevelDepth(child.level) <= depth);
  },
};
