import type { Locale } from "./locales";

/** A calendar date (YYYY-MM-DD, as stored for due dates) in the reader's language, e.g. 2026年2月26日 / 26 February 2026. */
export function formatDate(value: string | Date, locale: Locale): string {
  const instant = typeof value === "string" ? new Date(`${value}T00:00:00+08:00`) : value;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(instant);
}

export function formatDateTime(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Asia/Shanghai",
  }).format(value);
}

/** The day of the week of a calendar date (YYYY-MM-DD) in the reader's language, e.g. 星期五 / Friday. */
export function formatWeekday(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { weekday: "long", timeZone: "Asia/Shanghai" }).format(new Date(`${value}T00:00:00+08:00`));
}
