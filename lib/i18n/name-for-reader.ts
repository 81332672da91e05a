/**
 * The one rule for showing a person's or a company's name, which is stored once as the register holds it (in
 * simplified characters): zh-Hant readers get it in traditional characters, converted at display, and the stored
 * name never changes. There is no field yet where a person gives their own traditional form; when one exists, a
 * given form wins over this conversion.
 *
 * English readers get the name as registered: a name is not translated, and machine pinyin would guess wrong
 * exactly where it matters (单 Shan, 曾 Zeng, 解 Xie) and would not match the ID card the name is checked against.
 *
 * The converter is OpenCC's (lib/i18n/traditional.ts), which leaves already-traditional text alone. Its dictionary
 * is large, so only server code may call this: server components and PDFs convert before anything reaches the
 * browser, and client components are handed the converted name.
 */
import type { Locale } from "@/lib/i18n/locales";
import { toTraditional } from "@/lib/i18n/traditional";

export type TNameHolder = "person" | "company";

/**
 * Surnames whose simplified character is also their traditional one, though the same character as a word converts
 * (于 → 於, 余 → 餘, 范 → 範, 岳 → 嶽): a person 于丽 is 于麗 in Taiwan and Hong Kong, never 於麗.
 */
const surnamesKeptAsWritten = new Set(["于", "余", "范", "干", "涂", "丑", "种", "郁", "岳", "党", "斗"]);

export function nameForReader(name: string, locale: Locale, holder: TNameHolder = "person"): string {
  if (locale !== "zh-Hant" || name === "") return name;
  const [first] = name;
  if (holder === "person" && surnamesKeptAsWritten.has(first)) return first + toTraditional(name.slice(first.length));
  return toTraditional(name);
}
