import { getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** "2026年3月2日至2026年6月1日", or open-ended. */
export async function LicenceValidity({ validFrom, validUntil, locale }: { validFrom: string; validUntil: string | null; locale: Locale }) {
  const t = await getTranslations("licences");
  return <>{validUntil ? t("validFromTo", { from: formatDate(validFrom, locale), to: formatDate(validUntil, locale) }) : t("validFromOpen", { from: formatDate(validFrom, locale) })}</>;
}
