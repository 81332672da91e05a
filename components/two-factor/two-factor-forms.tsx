"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextInput } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";
import { RecoveryCodesPanel } from "./recovery-codes-panel";

export type TRecoveryCodesState = { error?: TErrorCode; recoveryCodes?: string[] };
type TStateAction = (state: TRecoveryCodesState, formData: FormData) => Promise<TRecoveryCodesState>;
type TPostAction = (formData: FormData) => Promise<void>;

type TProps = {
  /** Set up: since when (formatted) and how many recovery codes are left; null while not set up. */
  enrolled: { since: string; codesLeft: number } | null;
  /** Being set up: the QR code (drawn on the server) and the secret in groups of four. */
  pending: { qr: React.ReactNode; secret: string } | null;
  required: boolean;
  /** An error code of a plain form post (begin, turn off), from the page's address. */
  postError?: TErrorCode;
  continueHref: string;
  actions: { begin: TPostAction; discard: TPostAction; turnOff: TPostAction; confirm: TStateAction; regenerate: TStateAction };
};

/**
 * Every step of a person's second factor in one place in the page, so a form posted without JavaScript (the page is
 * rendered again, now showing the factor as set up) still finds its answer here: the recovery codes, shown once.
 */
export function TwoFactorSteps({ enrolled, pending, required, postError, continueHref, actions }: TProps) {
  const t = useTranslations("accountTwoFactor");
  const te = useTranslations("errors");
  const [confirmed, confirm, confirming] = useActionState<TRecoveryCodesState, FormData>(actions.confirm, {});
  const [regenerated, regenerate, regenerating] = useActionState<TRecoveryCodesState, FormData>(actions.regenerate, {});
  const codes = confirmed.recoveryCodes ?? regenerated.recoveryCodes;
  if (codes) return <RecoveryCodesPanel codes={codes} continueHref={confirmed.recoveryCodes ? continueHref : "/account/two-factor"} />;

  if (enrolled) {
    const turnOffError = postError ? te(postError) : undefined;
    return (
      <>
        <p className="mb-2 font-semibold">{t("onSince", { date: enrolled.since })}</p>
        <p className="mb-8">{t("codesLeft", { count: enrolled.codesLeft })}</p>
        <section aria-labelledby="regenerate-title" className="mb-10">
          <h2 id="regenerate-title" className="mb-2 text-2xl font-bold">
            {t("regenerateTitle")}
          </h2>
          <form action={regenerate}>
            <ErrorSummary id="regenerate-error-title" title={t("errorTitle")} errors={regenerated.error ? [{ href: "#regenerate", text: te(regenerated.error) }] : []} />
            <p className="mb-4">{t("regenerateLead")}</p>
            <Button id="regenerate" variant="secondary" disabled={regenerating}>
              {t("regenerate")}
            </Button>
          </form>
        </section>
        <section id="turn-off" aria-labelledby="turn-off-title" className="mb-10 border-t-2 border-line pt-6">
          <h2 id="turn-off-title" className="mb-2 text-2xl font-bold">
            {t("turnOffTitle")}
          </h2>
          {required ? (
            <p>{t("turnOffRequired")}</p>
          ) : (
            <form action={actions.turnOff} noValidate>
              <ErrorSummary id="turn-off-error-title" title={t("errorTitle")} errors={turnOffError ? [{ href: "#turn-off-code", text: turnOffError }] : []} />
              <TextInput id="turn-off-code" name="code" label={t("turnOffCode")} error={turnOffError} autoComplete="one-time-code" spellCheck={false} />
              <Button variant="warning">{t("turnOff")}</Button>
            </form>
          )}
        </section>
      </>
    );
  }

  if (pending) {
    const error = confirmed.error ? te(confirmed.error) : undefined;
    return (
      <section id="set-up" aria-labelledby="set-up-title" className="mb-10">
        <h2 id="set-up-title" className="mb-2 text-2xl font-bold">
          {t("setUpTitle")}
        </h2>
        <ol className="mb-6 list-inside list-decimal space-y-2">
          <li>{t("stepApp")}</li>
          <li>{t("stepScan")}</li>
          <li>{t("stepConfirm")}</li>
        </ol>
        <div className="mb-4">{pending.qr}</div>
        <p className="mb-1">{t("manual")}</p>
        <p className="mb-6">
          <code data-testid="two-factor-secret" className="inline-block bg-panel px-2 py-1 font-mono text-lg tracking-wider break-all">
            {pending.secret}
          </code>
        </p>
        <form action={confirm} noValidate>
          <ErrorSummary id="confirm-error-title" title={t("errorTitle")} errors={error ? [{ href: "#confirm-code", text: error }] : []} />
          <TextInput id="confirm-code" name="code" label={t("confirmCode")} hint={t("confirmHint")} error={error} autoComplete="one-time-code" inputMode="numeric" spellCheck={false} />
          <Button disabled={confirming}>{t("confirm")}</Button>
        </form>
        <form action={actions.discard} className="mt-6">
          <Button variant="secondary">{t("discard")}</Button>
        </form>
      </section>
    );
  }

  return (
    <form action={actions.begin}>
      <ErrorSummary id="begin-error-title" title={t("errorTitle")} errors={postError ? [{ href: "#begin", text: te(postError) }] : []} />
      <Button id="begin">{t("begin")}</Button>
    </form>
  );
}
