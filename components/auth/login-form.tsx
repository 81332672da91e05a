"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type TSignInState } from "@/app/login/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextInput } from "@/components/forms/text-input";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("login");
  const [state, action, pending] = useActionState<TSignInState, FormData>(signInAction, {});
  const error =
    state.error === "throttled"
      ? t("errors.throttled", { minutes: state.retryAfterMinutes ?? 1 })
      : state.error
        ? t(`errors.${state.error}`)
        : undefined;
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
