/**
 * Traditional Chinese derived from simplified with OpenCC (mainland → Taiwan characters). Seed texts, region names
 * and zh-Hant.json are written in simplified Chinese (and English) and converted here, so every text exists in all
 * three locales without a third hand-kept copy drifting out of step.
 */
import * as OpenCC from "opencc-js";
import type { TLocalizedText } from "@/lib/i18n/locales";

/** Character-level conversion (s2tw); phrase conversion (twp) would swap mainland legal terms for Taiwanese ones. */
export const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

/** A text in the three locales from its simplified Chinese and English (the seeded catalog is written with it). */
export function t(zhHans: string, en: string): TLocalizedText {
  return { "zh-Hans": zhHans, "zh-Hant": toTraditional(zhHans), en };
}
