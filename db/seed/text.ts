/**
 * Seed texts are written in simplified Chinese and English; traditional Chinese is derived from the simplified
 * text with OpenCC (mainland → Taiwan characters), so the catalog exists in all three locales without a third
 * hand-kept copy drifting out of step.
 */
import * as OpenCC from "opencc-js";
import type { TLocalizedText } from "@/lib/i18n/locales";

/** Character-level conversion (s2tw); phrase conversion (twp) would swap mainland legal terms for Taiwanese ones. */
export const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

export function t(zhHans: string, en: string): TLocalizedText {
  return { "zh-Hans": zhHans, "zh-Hant": toTraditional(zhHans), en };
}
