/**
 * Turns a stored notification (topic + params) into the title and body a reader sees, in the reader's language:
 * the inbox page renders at read time (so a language switch re-renders old messages), the outbox worker renders
 * the e-mail copy. Templates live in messages/*.json under "notifications.<topic>".
 */
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { TNotificationParams } from "@/db/schema";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import zhHant from "@/messages/zh-Hant.json";
import { logger } from "@/server/log/logger";

const messagesByLocale: Record<Locale, AbstractIntlMessages> = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };

export type TRenderedNotification = { title: string; body: string };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values as the reader should see them: a text stored in every language becomes the reader's, a calendar date
 * (YYYY-MM-DD, as due dates are stored) is written out in the reader's language. A missing `dueDate` becomes
 * "none", which the templates that may lack one select on. A name is stored as registered and shown by the one
 * name rule: a param called `personName` or `companyName` (none of today's templates has one).
 */
export function localizeParams(params: TNotificationParams, locale: Locale): Record<string, string | number> {
  const values: Record<string, string | number> = { dueDate: "none" };
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "object" && value !== null) values[key] = value[locale];
    else if (typeof value === "string" && isoDate.test(value)) values[key] = formatDate(value, locale);
    else if (typeof value === "string" && (key === "personName" || key === "companyName")) values[key] = nameForReader(value, locale, key === "personName" ? "person" : "company");
    else values[key] = value;
  }
  return values;
}

export function renderNotification({ topic, params, locale }: { topic: string; params: TNotificationParams; locale: Locale }): TRenderedNotification {
  let failed = false;
  const t = createTranslator({
    locale,
    messages: messagesByLocale[locale],
    namespace: "notifications",
    timeZone: "Asia/Shanghai",
    // A template that cannot be filled (an unknown topic, a param the enqueuer forgot) must not break the inbox
    // page or the worker: the reader gets the generic message instead, and the log says why.
    onError: (error) => {
      failed = true;
      logger.error({ topic, locale, reason: error.message }, "cannot render notification");
    },
  }) as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
  if (!t.has(`${topic}.title`) || !t.has(`${topic}.body`)) {
    logger.error({ topic, locale }, "no template for notification");
    return { title: t("fallback.title"), body: t("fallback.body") };
  }
  const values = localizeParams(params, locale);
  const rendered = { title: t(`${topic}.title`, values), body: t(`${topic}.body`, values) };
  if (!failed) return rendered;
  return { title: t("fallback.title"), body: t("fallback.body") };
}

/** The footer of an e-mailed copy, in the same language as the message. */
export function renderEmailFooter(locale: Locale): string {
  const t = createTranslator({ locale, messages: messagesByLocale[locale], namespace: "notifications" }) as unknown as (key: string) => string;
  return t("emailFooter");
}
