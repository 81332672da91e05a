"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";

export type TRevokeFormState = { error?: TErrorCode; reason?: string };

/** 撤销: the reason, which the holder and every verifier will read. A plain form post; needs `licenceRevoke` and `errors`. `revokeAction`: the page's server action. */
export function RevokeLicenceForm({
  licenceId,
  revokeAction,
}: {
  licenceId: string;
  revokeAction: (state: TRevokeFormState, formData: FormData) => Promise<TRevokeFormState>;
}) {
  const t = useTranslations("licenceRevoke");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TRevokeFormState, FormData>(revokeAction, {});
  const error = state.error ? te(state.error) : undefined;
  return (
    <form action={action} noValidate className="mb-8">
      <ErrorSummary title={t("errorTitle")} errors={error ? [{ href: "#revoke-reason", text: error }] : []} />
      <input type="hidden" name="licenceId" value={licenceId} />
      <FieldShell id="revoke-reason" label={t("reasonLabel")} hint={t("reasonHint")} error={error} errorPrefix={t("errorPrefix")}>
        <textarea
          id="revoke-reason"
          name="reason"
          rows={3}
          defaultValue={state.reason}
          aria-describedby={describedBy("revoke-reason", true, error)}
          aria-invalid={error ? true : undefined}
          className={inputClass(error)}
        />
      </FieldShell>
      <Button variant="warning" disabled={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
