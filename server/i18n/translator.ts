/**
 * Translations outside a page's request, in a language the caller chooses: documents (PDFs) are rendered by use cases
 * that tests call directly, with no next-intl request around them. Same messages/*.json as the pages.
 */
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import zhHant from "@/messages/zh-Hant.json";

const messagesByLocale: Record<Locale, typeof zhHans> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesByLocale[locale], timeZone: "Asia/Shanghai" });
}
