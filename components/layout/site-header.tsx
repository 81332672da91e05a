import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { TRole } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { DisplayModeSwitch } from "./display-mode-switch";
import { LanguageSwitcher } from "./language-switcher";

/** Who is signed in, as the header shows them: name, where their work starts, and their unread messages. */
export type THeaderViewer = { displayName: string; role: TRole; home: string; unread: number };

/**
 * Every page's header. The layout reads the viewer (per request) and passes it with the sign-out action, so the
 * header itself only renders.
 */
export async function SiteHeader({ viewer, mode, signOutAction }: { viewer: THeaderViewer | null; mode: "elder" | "standard"; signOutAction: () => Promise<void> }) {
  const t = await getTranslations("header");
  const locale = (await getLocale()) as Locale;
  const links: { href: string; label: string }[] = [{ href: "/services", label: t("services") }];
  if (viewer) {
    links.push({ href: viewer.home, label: t(`home.${viewer.role}`) });
    // Everyone who signs in has an inbox.
    links.push({ href: "/me/inbox", label: viewer.unread > 0 ? t("inboxUnread", { count: viewer.unread }) : t("inbox") });
  }
  return (
    <header className="border-b-8 border-accent bg-brand text-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-2">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-1">
          <LanguageSwitcher current={locale} label={t("language")} />
          <DisplayModeSwitch current={mode} label={mode === "elder" ? t("standardMode") : t("elderMode")} />
        </div>
        {viewer ? (
          <form action={signOutAction} className="flex items-center gap-3 text-base">
            <span>{t("signedInAs", { name: viewer.displayName })}</span>
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
