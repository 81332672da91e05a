/**
 * The option lists a region picker needs for what is chosen so far: every province, the cities of the chosen
 * province, the counties of the chosen city. Prepared on the server so the picker works without JavaScript and
 * the browser never downloads the whole GB/T 2260 table.
 */
import { listRegionChildren, listRegionPath } from "@/lib/regions/regions";
import { localize, type Locale } from "@/lib/i18n/locales";

export type TRegionOption = { code: string; name: string };
export type TRegionOptions = { provinces: TRegionOption[]; cities: TRegionOption[]; counties: TRegionOption[] };

/** The chosen codes, from a typed answer (one code) or a raw one ({ province, city, county } as posted). */
function chosenPath(value: unknown): string[] {
  if (typeof value === "string") return listRegionPath(value).map((region) => region.code);
  if (value !== null && typeof value === "object") {
    const raw = value as Record<string, unknown>;
    return [raw.province, raw.city, raw.county].filter((code): code is string => typeof code === "string" && code !== "");
  }
  return [];
}

export function buildRegionOptions(value: unknown, locale: Locale): TRegionOptions {
  const options = (parent: string | null) => listRegionChildren(parent).map((region) => ({ code: region.code, name: localize(region.name, locale) }));
  const [province, city] = chosenPath(value);
  return {
    provinces: options(null),
    cities: province ? options(province) : [],
    counties: city ? options(city) : [],
  };
}
