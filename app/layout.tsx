import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader, type THeaderViewer } from "@/components/layout/site-header";
import { getDb } from "@/db/client";
import { displayModeCookieName } from "@/lib/display/display-mode";
import type { Locale } from "@/lib/i18n/locales";
import { nameForReader } from "@/lib/i18n/name-for-reader";
import { getActor, homeOf } from "@/server/auth/session";
import { countUnreadOnce } from "@/server/notifications/count-unread";
import { signOutAction } from "./login/actions";
import "./globals.css";

// Every page reads the database or the session at request time; nothing is prerendered at build time, so
// `next build` never opens the database.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("header");
  return { title: { default: t("brand"), template: `%s – ${t("brand")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#12376b" };

const clientNamespaces = ["login", "form", "formErrors", "fields", "errors", "desk", "serverError", "wizard", "uploadErrors", "supplementRequest", "extension", "supplementAnswer", "rating", "followUpReply", "licenceRevoke", "licenceHolderCheck", "reveal", "counter"] as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("header");
  const messages = await getMessages();
  const elder = (await cookies()).get(displayModeCookieName)?.value === "elder";
  // Client components need only these namespaces; the rest render on the server and need not travel.
  const clientMessages = Object.fromEntries(clientNamespaces.map((namespace) => [namespace, messages[namespace]]));
  return (
    <html lang={locale} className={elder ? "elder" : undefined}>
      <body className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="absolute -top-40 left-2 z-50 bg-focus p-3 font-semibold text-ink! focus:top-2"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={clientMessages}>
          <Header mode={elder ? "elder" : "standard"} locale={locale as Locale} />
          <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 pt-8 outline-none">
            {children}
          </main>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

/** The site header with its viewer, read per request (the actor and their unread count), rendered as it streams. */
async function Header({ mode, locale }: { mode: "elder" | "standard"; locale: Locale }) {
  const actor = await getActor();
  const viewer: THeaderViewer | null = actor
    ? { displayName: nameForReader(actor.displayName, locale), role: actor.role, home: homeOf(actor.role), unread: await countUnreadOnce(getDb(), actor) }
    : null;
  return <SiteHeader viewer={viewer} mode={mode} signOutAction={signOutAction} />;
}
