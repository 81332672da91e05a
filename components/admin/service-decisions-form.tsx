"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";
import { AdminTextArea, AdminTextField } from "./admin-text-field";

export type TServiceDecisionsFormState = {
  error?: TErrorCode;
  fields?: Record<string, TErrorCode>;
  /** What each problem is about (a JSON path, a field key), shown after its message. */
  details?: Record<string, string>;
  /** What the admin posted, shown again with the problems. */
  values?: Record<string, string>;
};

const languages = [
  { suffix: "ZhHans", lang: "zh-Hans" },
  { suffix: "ZhHant", lang: "zh-Hant" },
  { suffix: "En", lang: "en" },
] as const;

/** The fields in form order, for the error summary. */
const fieldOrder = [
  ...["reviewBody", "court"].flatMap((base) => languages.map(({ suffix }) => `${base}${suffix}`)),
  "instantRule",
  ...languages.map(({ suffix }) => `instantReason${suffix}`),
  "commitment",
  "licenceTemplate",
];

/**
 * The decision settings of a service's draft: review body and court in three languages, the instant check (instant
 * services only), the commitment rule and the licence template as JSON. A plain form post (works without JavaScript);
 * a refusal comes back with what was typed and each problem next to its field. Needs `adminServices` and `errors`.
 */
export function ServiceDecisionsForm({
  initial,
  instant,
  fieldKeys,
  action: save,
}: {
  initial: Record<string, string>;
  /** Whether the service is instant (即办件): only then does it have an instant check. */
  instant: boolean;
  /** The questions of the service's latest form version, which rules and templates may read. */
  fieldKeys: string[];
  action: (state: TServiceDecisionsFormState, formData: FormData) => Promise<TServiceDecisionsFormState>;
}) {
  const t = useTranslations("adminServices.decisions");
  const ts = useTranslations("adminServices");
  const te = useTranslations("errors");
  // Chinese sentences follow each other without a space; English ones with one.
  const gap = useLocale() === "en" ? " " : "";
  const [state, action, pending] = useActionState<TServiceDecisionsFormState, FormData>(save, {});
  const values = state.values ?? initial;
  const errors: Record<string, string> = Object.fromEntries(
    Object.entries(state.fields ?? {}).map(([field, code]) => [field, state.details?.[field] ? `${te(code)} (${state.details[field]})` : te(code)]),
  );
  const errorPrefix = ts("errorPrefix");
  const summary = fieldOrder.flatMap((field) => (errors[field] ? [{ href: `#decisions-${field}`, text: errors[field] }] : []));
  if (state.error && summary.length === 0) summary.push({ href: "#decisions-reviewBodyZhHans", text: te(state.error) });
  const fieldsHint = fieldKeys.length > 0 ? t("fieldKeys", { keys: fieldKeys.join(", ") }) : t("noFormFields");

  const localized = (base: string, legend: string, hint: string) => (
    <fieldset className="mb-6">
      <legend className="text-xl font-bold">{legend}</legend>
      <p className="mt-1 mb-3 text-muted">{hint}</p>
      {languages.map(({ suffix, lang }) => (
        <AdminTextField key={suffix} id={`decisions-${base}${suffix}`} name={`${base}${suffix}`} label={ts(`languages.${suffix}`)} lang={lang} error={errors[`${base}${suffix}`]} errorPrefix={errorPrefix} defaultValue={values[`${base}${suffix}`] ?? ""} />
      ))}
    </fieldset>
  );
  const json = (name: "instantRule" | "commitment" | "licenceTemplate", rows: number) => (
    <AdminTextArea id={`decisions-${name}`} name={name} label={t(`${name}.label`)} hint={`${t(`${name}.hint`)}${gap}${fieldsHint}`} rows={rows} mono error={errors[name]} errorPrefix={errorPrefix} defaultValue={values[name] ?? ""} />
  );

  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mb-10">
      <ErrorSummary id="decisions-error-title" title={ts("errorTitle")} errors={summary} />
      {localized("reviewBody", t("reviewBody"), t("reviewBodyHint"))}
      {localized("court", t("court"), t("courtHint"))}
      {instant ? (
        <fieldset className="mb-6">
          <legend className="text-xl font-bold">{t("instantLegend")}</legend>
          <p className="mt-1 mb-3 text-muted">{t("instantLead")}</p>
          {json("instantRule", 5)}
          <p className="mb-3 font-semibold">{t("instantReason")}</p>
          {languages.map(({ suffix, lang }) => (
            <AdminTextField key={suffix} id={`decisions-instantReason${suffix}`} name={`instantReason${suffix}`} label={t("instantReasonIn", { language: ts(`languages.${suffix}`) })} lang={lang} error={errors[`instantReason${suffix}`]} errorPrefix={errorPrefix} defaultValue={values[`instantReason${suffix}`] ?? ""} />
          ))}
        </fieldset>
      ) : null}
      {json("commitment", 6)}
      {json("licenceTemplate", 16)}
      <Button disabled={pending}>{t("save")}</Button>
    </form>
  );
}
