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
}: {
  idempotencyKey: string;
  action: (state: TWizardState, formData: FormData) => Promise<TWizardState>;
  ready: boolean;
  backHref: string;
}) {
  const t = useTranslations("wizard");
  const tform = useTranslations("form");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, {});
  const refused = state.formError ? [{ href: "#submit", text: te(state.formError) }] : [];
  return (
    <form action={formAction}>
      <ErrorSummary title={tform("errorTitle")} errors={refused} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <h2 className="mb-2 text-2xl font-bold">{t("declarationTitle")}</h2>
      <p className="mb-6">{tform("declaration")}</p>
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
