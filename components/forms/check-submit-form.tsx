"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { TWizardState } from "@/components/forms/wizard-state";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";

/** The declaration and the one submit of the check page; a refusal (expired draft, changed form) shows on top. */
export function CheckSubmitForm({
  idempotencyKey,
  action,
  ready,
  backHref,
  counterConsent = false,
}: {
  idempotencyKey: string;
  action: (state: TWizardState, formData: FormData) => Promise<TWizardState>;
  ready: boolean;
  backHref: string;
  /** Filed at the counter: a required box, the applicant confirming the answers and agreeing to the filing. */
  counterConsent?: boolean;
}) {
  const t = useTranslations("wizard");
  const tform = useTranslations("form");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const tc = useTranslations("counter");
  const consentRefused = state.formError === "invalid:counter-consent-required";
  const refused = state.formError ? [{ href: consentRefused ? "#counter-consent" : "#submit", text: te(state.formError) }] : [];
  return (
    <form action={formAction}>
      <ErrorSummary title={tform("errorTitle")} errors={refused} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <h2 className="mb-2 text-2xl font-bold">{t("declarationTitle")}</h2>
      <p className="mb-6">{tform("declaration")}</p>
      {counterConsent ? (
        <div className={`mb-6 ${consentRefused ? "border-l-4 border-danger pl-3" : ""}`}>
          {consentRefused ? (
            <p id="counter-consent-error" className="mb-2 font-semibold text-danger">
              {te("invalid:counter-consent-required")}
            </p>
          ) : null}
          <div className="flex items-start gap-3">
            <input
              id="counter-consent"
              type="checkbox"
              name="consent"
              value="yes"
              required
              aria-describedby={consentRefused ? "counter-consent-error" : undefined}
              aria-invalid={consentRefused ? true : undefined}
              className="mt-0.5 size-6 shrink-0 cursor-pointer"
            />
            <label htmlFor="counter-consent" className="cursor-pointer font-semibold">
              {tc("consent")}
            </label>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-4">
        <Button id="submit" disabled={pending || !ready} className="text-xl">
          {pending ? tform("submitting") : tform("submit")}
        </Button>
        <Link href={backHref}>{t("back")}</Link>
      </div>
      {!ready ? <p className="mt-4 text-muted">{t("fixFirst")}</p> : null}
    </form>
  );
}
