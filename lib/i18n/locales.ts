/** The portal's languages. zh-Hans is the default; every text a reader sees exists in all three. */
export const locales = ["zh-Hans", "zh-Hant", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "zh-Hans";
export const localeCookieName = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/** A text stored as data (catalog, form labels) in every language. */
export type TLocalizedText = { "zh-Hans": string; "zh-Hant": string; en: string };

export function localize(text: TLocalizedText, locale: Locale): string {
  return text[locale];
}

/**
 * Picks the best supported locale from an Accept-Language header.
 * zh-TW / zh-HK / zh-MO / zh-Hant* read traditional characters; any other zh reads simplified.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) {
      return /^zh-(hant|tw|hk|mo)/.test(tag) ? "zh-Hant" : "zh-Hans";
    }
    if (tag.startsWith("en")) return "en";
  }
  return defaultLocale;
}

/** BCP 47 tag for the html lang attribute and Intl formatters. */
export function htmlLang(locale: Locale): string {
  return locale;
}
