"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { locales, type Locale } from "@/lib/i18n/locales";

const names: Record<Locale, string> = { "zh-Hans": "简体中文", "zh-Hant": "繁體中文", en: "English" };

/**
 * Plain links to /language, which sets the NEXT_LOCALE cookie and comes back here: works without JavaScript.
 * Each language is named in itself, so a reader can find theirs whatever the page is in.
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  // Keep the query too, so switching language on a search result page keeps the search.
  const query = useSearchParams().toString();
  const here = `${usePathname() || "/"}${query ? `?${query}` : ""}`;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-base">
        {locales.map((locale) => (
          <li key={locale}>
            {locale === current ? (
              <span aria-current="true" className="font-bold">
                {names[locale]}
              </span>
            ) : (
              <a
                href={`/language?locale=${locale}&next=${encodeURIComponent(here)}`}
                lang={locale}
                hrefLang={locale}
                className="text-white! visited:text-white"
              >
                {names[locale]}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
