"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describedBy, inputClass } from "@/components/forms/text-input";
import type { TErrorCode } from "@/server/errors";

export type TExtensionFormState = { error?: TErrorCode; days?: string; reason?: string };

/** 延期: how many working days and why; a supervisor decides. One request per task. `requestAction`: the page's server action. */
export function ExtensionRequestForm({
  taskId,
  version,
  requestAction,
}: {
  taskId: string;
  version: number;
  requestAction: (state: TExtensionFormState, formData: FormData) => Promise<TExtensionFormState>;
}) {
  const t = useTranslations("extension");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TExtensionFormState, FormData>(requestAction, {});
  const error = state.error ? te(state.error) : undefined;
  return (
    <form action={action} className="mb-8" noValidate>
      <ErrorSummary title={t("errorTitle")} errors={error ? [{ href: "#extension-days", text: error }] : []} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <div className={`mb-4 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
        <label htmlFor="extension-days" className="block font-semibold">
          {t("daysLabel")}
        </label>
        <p id="extension-days-hint" className="text-muted">
          {t("daysHint")}
        </p>
        {error ? (
          <p id="extension-days-error" className="font-semibold text-danger">
            {error}
          </p>
        ) : null}
        <input
          id="extension-days"
          name="days"
          inputMode="numeric"
          defaultValue={state.days}
          aria-describedby={describedBy("extension-days", true, error)}
          aria-invalid={error ? true : undefined}
          className={inputClass(error, { width: "max-w-[6em]" })}
        />
      </div>
      <div className="mb-6">
        <label htmlFor="extension-reason" className="block font-semibold">
          {t("reasonLabel")}
        </label>
        <textarea id="extension-reason" name="reason" rows={3} maxLength={1000} defaultValue={state.reason} className={inputClass()} />
      </div>
      <Button disabled={pending} variant="secondary">
        {t("submit")}
      </Button>
    </form>
  );
}
