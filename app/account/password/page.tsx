import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { PASSWORD_MIN_LENGTH } from "@/server/auth/password-policy";
import { requireActor } from "@/server/auth/require-actor";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountPassword"))("title") };
}

/**
 * /account/password — choose one's own password. Every other page and action sends a person here while their
 * password is one the admin set (a new account, a reset).
 */
export default async function AccountPasswordPage() {
  const actor = await requireActor({ page: "/account/password", returnTo: "/account/password" });
  const t = await getTranslations("accountPassword");
  const messages = await getMessages();
  return (
    <div className="max-w-2xl">
      <PageHeading>{t("title")}</PageHeading>
      {actor.mustChangePassword ? <Notice title={t("mustTitle")}>{t("mustBody")}</Notice> : null}
      <p className="mb-6">{t("lead", { min: PASSWORD_MIN_LENGTH })}</p>
      <NextIntlClientProvider messages={{ accountPassword: messages.accountPassword, errors: messages.errors }}>
        <ChangePasswordForm minLength={PASSWORD_MIN_LENGTH} action={changePasswordAction} />
      </NextIntlClientProvider>
    </div>
  );
}
