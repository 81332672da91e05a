import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** A licence datum as a reader sees it: dates (stored YYYY-MM-DD) in the reader's language, anything else as printed. */
export function formatLicenceValue(value: string, locale: Locale): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, locale) : value;
}
