/**
 * Reading a draft's value for display. A value is either the typed answer (shapes in lib/forms/definition.ts)
 * or, when it was not valid, the raw text the applicant typed (strings, or objects of strings); every reader
 * here accepts both and never throws.
 */
import type { TMaterialRef } from "@/lib/forms/answers";

export type TRegionOption = { code: string; name: string };
export type TRegionLists = { provinces: TRegionOption[]; cities: TRegionOption[]; counties: TRegionOption[] };
export type TRegionChoice = { province: string; city: string; county: string };

/** Text to show in an input. */
export function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** The part of an object value (a date range's `from`, an address's `detail`). */
export function partOf(value: unknown, part: string): unknown {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
}

/** The ticked options of a checkbox group. */
export function stringsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return typeof value === "string" && value !== "" ? [value] : [];
}

export function yesNoOf(value: unknown): "yes" | "no" | undefined {
  if (value === true || value === "yes") return "yes";
  if (value === false || value === "no") return "no";
  return undefined;
}

/** A group's items, padded with blank ones up to `minItems`. */
export function groupItemsOf(value: unknown, minItems: number): Record<string, unknown>[] {
  const items = Array.isArray(value)
    ? value.map((item) => (item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : {}))
    : [];
  while (items.length < minItems) items.push({});
  return items;
}

export function materialRefsOf(value: unknown): TMaterialRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter((ref): ref is TMaterialRef => {
    if (ref === null || typeof ref !== "object") return false;
    const { kind } = ref as { kind?: unknown };
    if (kind === "file") return typeof (ref as { fileId?: unknown }).fileId === "string";
    return kind === "licence" && typeof (ref as { licenceId?: unknown }).licenceId === "string";
  });
}

/**
 * A GB/T 2260 code without its trailing "00" pairs: 440000 → 44, 440300 → 4403, 440305 → 440305. Every code
 * under a region starts with that region's prefix, which is how a chosen code is found in each level's list
 * without the region table (that stays on the server).
 */
export function regionPrefix(code: string): string {
  return code.replace(/(00){1,2}$/, "");
}

/** A county-level code (440305), not a province's (440000) or a city's (440300). */
export function isCountyCode(code: string): boolean {
  return /^\d{4}(?!00)\d{2}$/.test(code);
}

/** Whether a list of one level holds the children of `parent` (checked by its first entry). */
export function listsUnder(options: TRegionOption[], parent: string): boolean {
  return options.length > 0 && options[0].code !== parent && options[0].code.startsWith(regionPrefix(parent));
}

/** The option of one level's list that holds `code` (itself or an ancestor of it). */
export function findRegionOption(options: TRegionOption[], code: string): TRegionOption | undefined {
  if (code === "") return undefined;
  let found: TRegionOption | undefined;
  for (const option of options) {
    const prefix = regionPrefix(option.code);
    if (prefix !== "" && code.startsWith(prefix) && (!found || prefix.length > regionPrefix(found.code).length)) found = option;
  }
  return found;
}

/**
 * Which option each level shows as chosen: the raw choice as posted ({ province, city, county }), or, for a
 * stored region code, the option of each level's list that holds it. `childrenOf` gives the list under a region
 * where it is known.
 */
export function regionChoiceOf(
  value: unknown,
  provinces: TRegionOption[],
  childrenOf: (parent: string) => TRegionOption[] | undefined,
): TRegionChoice {
  if (typeof value === "string") {
    const province = findRegionOption(provinces, value)?.code ?? "";
    const city = (province && findRegionOption(childrenOf(province) ?? [], value)?.code) || "";
    const county = (city && findRegionOption(childrenOf(city) ?? [], value)?.code) || "";
    return { province, city, county };
  }
  const part = (name: string) => textOf(partOf(value, name));
  return { province: part("province"), city: part("city"), county: part("county") };
}

/** A date bound of a definition ("today" or YYYY-MM-DD) as YYYY-MM-DD, today being China's today. */
export function dateBound(bound: string | undefined, now: Date = new Date()): string | undefined {
  if (bound !== "today") return bound;
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}
