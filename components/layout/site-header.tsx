import { cookies } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { getDb } from "@/db/client";
import { getActor, homeOf } from "@/server/auth/session";
import { countUnread } from "@/server/notifications/count-unread";
import { signOutAction } from "@/app/login/actions";
import { displayModeCookieName } from "@/lib/display/display-mode";
import { DisplayModeSwitch } from "./display-mode-switch";
import { LanguageSwitcher } from "./language-switcher";

export async function SiteHeader() {
  const t = await getTranslations("header");
  const locale = (await getLocale()) as Locale;
  const actor = await getActor();
  const mode = (await cookies()).get(displayModeCookieName)?.value === "elder" ? "elder" : "standard";
  const links: { href: string; label: string }[] = [{ href: "/services", label: t("services") }];
  if (actor) {
    const home = homeOf(actor.role);
    links.push({ href: home, label: t(`home.${actor.role}`) });
    // Everyone who signs in has an inbox; the count is read per request, like the actor.
    const unread = await countUnread({ db: getDb(), actor });
    links.push({ href: "/me/inbox", label: unread > 0 ? t("inboxUnread", { count: unread }) : t("inbox") });
  }
  return (
    <header className="border-b-8 border-accent bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
          <LanguageSwitcher current={locale} label={t("language")} />
          <DisplayModeSwitch current={mode} label={mode === "elder" ? t("standardMode") : t("elderMode")} />
        </div>
        {actor ? (
          <form action={signOutAction} className="flex items-center gap-3 text-base">
            <span>{t("signedInAs", { name: actor.displayName })}</span>
            <button type="submit" className="cursor-pointer text-white underline underline-offset-2">
              {t("signOut")}
            </button>
          </form>
        ) : (
          <Link href="/login" className="text-base text-white! visited:text-white">
            {t("signIn")}
          </Link>
        )}
      </div>
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-x-8 gap-y-2 px-4 pt-2 pb-4">
        <Link href="/" className="text-white! no-underline visited:text-white">
          <span className="block text-2xl font-bold tracking-wide sm:text-3xl">{t("brand")}</span>
          <span className="block text-base">{t("tagline")}</span>
        </Link>
        <nav aria-label={t("navigation")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 font-semibold">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="text-white! visited:text-white">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
