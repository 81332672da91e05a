/**
 * The shape of a GB/T 2260 region and of the lookup the form validator takes. Kept apart from the region table
 * (lib/regions/regions.ts) so that code which only needs the types — the validator, in the browser too — never
 * pulls the table into its bundle.
 */
import type { TLocalizedText } from "@/lib/i18n/locales";

export const regionLevelOrder = ["province", "city", "county"] as const;
export type TRegionLevel = (typeof regionLevelOrder)[number];

export type TRegion = {
  /** Six digits: province XX0000, prefecture-level city XXYY00, county-level XXYYZZ. */
  code: string;
  name: TLocalizedText;
  /** null for a province; a municipality's districts hang directly under it (no 市辖区 level). */
  parentCode: string | null;
  level: TRegionLevel;
};

export type TRegionLookup = {
  get(code: string): TRegion | undefined;
  /**
   * Whether the region has children; with `upTo`, only children at that level or above count. 上海市 has
   * districts (county level) but no city level, so hasChildren("310000", "city") is false: choosing 上海市
   * already answers a question asked down to city level.
   */
  hasChildren(code: string, upTo?: TRegionLevel): boolean;
};

/** 1 for a province, 2 for a city, 3 for a county: how deep a level lies. */
export function regionLevelDepth(level: TRegionLevel): number {
  return regionLevelOrder.indexOf(level) + 1;
}
