"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/forms/text-input";
import type { TErrorCode } from "@/server/errors";

export type TSignInState = { error?: TErrorCode; username?: string; retryAfterMinutes?: number };

/** `signInAction`: the page's sign-in server action. */
export function LoginForm({ callbackUrl, signInAction }: { callbackUrl?: string; signInAction: (state: TSignInState, formData: FormData) => Promise<TSignInState> }) {
  const t = useTranslations("login");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TSignInState, FormData>(signInAction, {});
  const error = state.error ? te(state.error, { minutes: state.retryAfterMinutes ?? 1 }) : undefined;
  return (
    <form action={action} noValidate>
      <ErrorSummary title={t("errorTitle")} errors={error ? [{ href: "#username", text: error }] : []} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextInput
        id="username"
        name="username"
        label={t("username")}
        autoComplete="username"
        defaultValue={state.username}
        error={error}
        spellCheck={false}
        autoCapitalize="none"
      />
      <TextInput id="password" name="password" type="password" label={t("password")} autoComplete="current-password" />
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
