"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";
import { OneTimePasswordPanel } from "./one-time-password-panel";

export type TResetPasswordState = { error?: TErrorCode; reset?: { username: string; oneTimePassword: string } };

/** Reset an account's password: the new one-time password is shown this once, in place of the button. */
export function ResetPasswordForm({ username, action: reset }: { username: string; action: (state: TResetPasswordState, formData: FormData) => Promise<TResetPasswordState> }) {
  const t = useTranslations("adminPeople");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TResetPasswordState, FormData>(reset, {});
  if (state.reset) return <OneTimePasswordPanel title={t("resetTitle", { username: state.reset.username })} username={state.reset.username} password={state.reset.oneTimePassword} />;
  return (
    <form action={action} className="mb-10">
      <ErrorSummary id="reset-error-title" title={t("errorTitle")} errors={state.error ? [{ href: "#reset-button", text: te(state.error) }] : []} />
      <p className="mb-4">{t("resetLead", { username })}</p>
      <Button id="reset-button" variant="secondary" disabled={pending}>
        {t("reset")}
      </Button>
    </form>
  );
}
