"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { BundleRefusalText, type TBundleRefusalState } from "./bundle-refusal";

export type TBundleAddItemState = TBundleRefusalState & { values?: { service?: string; rule?: string } };

/**
 * Add a service to the bundle: one of the services for the bundle's kind of applicant not in it yet, and its routing
 * rule (empty: it always applies). A plain form post; a refusal comes back beside the field it is about.
 */
export function BundleAddItemForm({
  candidates,
  action: save,
}: {
  candidates: { code: string; label: string }[];
  action: (state: TBundleAddItemState, formData: FormData) => Promise<TBundleAddItemState>;
}) {
  const t = useTranslations("adminBundles");
  const [state, action, pending] = useActionState<TBundleAddItemState, FormData>(save, {});
  const field = state.error ? (state.field === "service" ? "service" : "rule") : null;
  const error = state.error ? <BundleRefusalText state={state} /> : null;
  const errorText = state.error ? "1" : undefined;
  return (
    // Keyed by what was posted: after a refusal the form is drawn afresh with it, the chosen service included (React
    // resets a form after its action, which would otherwise bring back the empty choice).
    <form key={JSON.stringify(state.values ?? {})} action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={state.error && field ? [{ href: `#add-${field}`, text: t(`errorAt.${field}`) }] : []} />
      <div className={`mb-6 min-w-0 ${field === "service" ? "border-l-4 border-danger pl-3 sm:pl-4" : ""}`}>
        <label htmlFor="add-service" className="block font-semibold">
          {t("fields.service")}
        </label>
        {field === "service" ? (
          <p id="add-service-error" className="mt-1 font-semibold text-danger">
            <span className="sr-only">{t("errorPrefix")} </span>
            {error}
          </p>
        ) : null}
        <select
          id="add-service"
          name="service"
          defaultValue={state.values?.service ?? ""}
          aria-describedby={field === "service" ? "add-service-error" : undefined}
          aria-invalid={field === "service" ? true : undefined}
          className={`mt-2 ${inputClass(field === "service" ? errorText : undefined)}`}
        >
          <option value="">{t("chooseService")}</option>
          {candidates.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <RuleField id="add-rule" name="rule" label={t("fields.rule")} hint={t("ruleHint")} defaultValue={state.values?.rule ?? ""} error={field === "rule" ? error : null} errorPrefix={t("errorPrefix")} />
      <Button disabled={pending}>{t("addService")}</Button>
    </form>
  );
}

/** The routing rule's text area, with its hint and its refusal tied to it. */
export function RuleField({ id, name, label, hint, defaultValue, error, errorPrefix, rows = 4 }: { id: string; name: string; label: string; hint: string; defaultValue: string; error: React.ReactNode; errorPrefix: string; rows?: number }) {
  return (
    <div className={`mb-6 min-w-0 ${error ? "border-l-4 border-danger pl-3 sm:pl-4" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="mt-1 text-muted">
        {hint}
      </p>
      {error ? (
        <div id={`${id}-error`} className="mt-1 font-semibold text-danger">
          <span className="sr-only">{errorPrefix} </span>
          {error}
        </div>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`mt-2 block w-full border-2 ${error ? "border-danger" : "border-ink"} bg-white px-2 py-1.5 font-mono text-sm text-ink`}
      />
    </div>
  );
}
