import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { QrCode } from "@/components/two-factor/qr-code";
import { TwoFactorSteps } from "@/components/two-factor/two-factor-forms";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { readSearchParams, type TSearchParams } from "@/lib/http/search-params";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { requireActor } from "@/server/auth/require-actor";
import { homeOf } from "@/server/auth/session";
import { isErrorCode } from "@/server/errors";
import { readTwoFactor } from "@/server/two-factor/read-two-factor";
import { beginTwoFactorAction, confirmTwoFactorAction, discardTwoFactorAction, regenerateRecoveryCodesAction, turnOffTwoFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountTwoFactor"))("title") };
}

const searchFields = { error: z.string().refine(isErrorCode), saved: z.enum(["off"]) };

/** The Base32 secret in groups of four, as it is easiest to type into an app by hand. */
function groupsOf(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/**
 * /account/two-factor — a staff member's second factor: set it up (a QR code, or the secret typed by hand, confirmed
 * with a code), new recovery codes, turn it off where not required. A person of whom it is required and who has not
 * set it up is held here after signing in. Works without JavaScript: every step is a form post.
 */
export default async function AccountTwoFactorPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const actor = await requireActor({ page: "/account/two-factor", returnTo: "/account/two-factor" });
  const result = await readTwoFactor({ db: getDb(), actor });
  if (!result.ok) forbidden();
  const { view } = result;
  const query = readSearchParams(await searchParams, searchFields);
  const t = await getTranslations("accountTwoFactor");
  const locale = (await getLocale()) as Locale;
  const messages = await getMessages();

  return (
    <div className="max-w-3xl">
      <PageHeading>{t("title")}</PageHeading>
      {query.saved ? <Notice tone="success" title={t("savedOff")} /> : null}
      {view.required && !view.enrolledAt ? <Notice title={t("mustTitle")}>{t("mustBody")}</Notice> : null}
      <p className="mb-6">{t("lead")}</p>
      <NextIntlClientProvider messages={{ accountTwoFactor: messages.accountTwoFactor, errors: messages.errors }}>
        <TwoFactorSteps
          enrolled={view.enrolledAt ? { since: formatDateTime(view.enrolledAt, locale), codesLeft: view.recoveryCodesLeft } : null}
          pending={view.pending ? { qr: <QrCode value={view.pending.uri} label={t("qrLabel", { username: actor.username ?? "" })} />, secret: groupsOf(view.pending.secret) } : null}
          required={view.required}
          postError={query.error}
          continueHref={homeOf(actor.role)}
          actions={{ begin: beginTwoFactorAction, discard: discardTwoFactorAction, turnOff: turnOffTwoFactorAction, confirm: confirmTwoFactorAction, regenerate: regenerateRecoveryCodesAction }}
        />
      </NextIntlClientProvider>
    </div>
  );
}
