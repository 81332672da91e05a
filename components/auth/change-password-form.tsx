"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { AdminTextField, errorSummaryOf } from "@/components/admin/admin-text-field";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TPasswordField } from "@/server/auth/change-own-password";
import type { TErrorCode } from "@/server/errors";

export type TChangePasswordState = { error?: TErrorCode; fields?: Partial<Record<TPasswordField, TErrorCode>> };

const order: TPasswordField[] = ["current", "password", "confirm"];

/**
 * Choose a new password: the current one, the new one twice. Nothing typed is sent back to the page after a refusal
 * (passwords are not echoed). Needs the `accountPassword` and `errors` messages.
 */
export function ChangePasswordForm({ minLength, action: change }: { minLength: number; action: (state: TChangePasswordState, formData: FormData) => Promise<TChangePasswordState> }) {
  const t = useTranslations("accountPassword");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TChangePasswordState, FormData>(change, {});
  const errors: Partial<Record<TPasswordField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(order, errors, "password");
  if (state.error && summary.length === 0) summary.push({ href: "#password-current", text: te(state.error) });
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <AdminTextField id="password-current" name="current" type="password" autoComplete="current-password" label={t("current")} hint={t("currentHint")} error={errors.current} errorPrefix={t("errorPrefix")} width="max-w-[24em]" />
      <AdminTextField id="password-password" name="password" type="password" autoComplete="new-password" label={t("new")} hint={t("newHint", { min: minLength })} error={errors.password} errorPrefix={t("errorPrefix")} width="max-w-[24em]" />
      <AdminTextField id="password-confirm" name="confirm" type="password" autoComplete="new-password" label={t("confirm")} error={errors.confirm} errorPrefix={t("errorPrefix")} width="max-w-[24em]" />
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
