/** next-intl request configuration: the reader's language from the NEXT_LOCALE cookie, else Accept-Language. */
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookieName, negotiateLocale, type Locale } from "@/lib/i18n/locales";

export async function resolveLocale(): Promise<Locale> {
  const cookie = (await cookies()).get(localeCookieName)?.value;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: "Asia/Shanghai",
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
