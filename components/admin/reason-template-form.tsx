"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";
import { REASON_TEMPLATE_MAX } from "@/lib/catalog/reason-template-rules";
import type { TReasonTemplateField, TReasonTemplateInput } from "@/server/reasons/reason-template-input";
import { errorSummaryOf } from "./admin-text-field";

export type TReasonTemplateFormState = {
  error?: TErrorCode;
  fields?: Partial<Record<TReasonTemplateField, TErrorCode>>;
  /** What the admin posted, shown again with the problems. */
  values?: Partial<TReasonTemplateInput>;
};

const languages = [
  { field: "textZhHans", lang: "zh-Hans" },
  { field: "textZhHant", lang: "zh-Hant" },
  { field: "textEn", lang: "en" },
] as const;

/**
 * A reason template's words in the three languages: to add one to a service's list or change one. A plain form post
 * (works without JavaScript); a refusal comes back with what was typed and each problem next to its field. `idPrefix`
 * keeps the ids of two such forms on one page apart. Needs the `adminReasons` and `errors` messages.
 */
export function ReasonTemplateForm({
  idPrefix,
  initial,
  hidden,
  submitLabel,
  action: save,
}: {
  idPrefix: string;
  initial: Partial<TReasonTemplateInput>;
  /** Fields the form posts as they are: the service and decision a new template is for. */
  hidden?: Record<string, string>;
  submitLabel: string;
  action: (state: TReasonTemplateFormState, formData: FormData) => Promise<TReasonTemplateFormState>;
}) {
  const t = useTranslations("adminReasons");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TReasonTemplateFormState, FormData>(save, {});
  const values = state.values ?? initial;
  const errors: Partial<Record<TReasonTemplateField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(
    languages.map(({ field }) => field),
    errors,
    idPrefix,
  );
  if (state.error && summary.length === 0) summary.push({ href: `#${idPrefix}-textZhHans`, text: te(state.error) });
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {languages.map(({ field, lang }) => {
        const id = `${idPrefix}-${field}`;
        return (
          <FieldShell key={field} id={id} label={t(`fields.${field}`)} hint={t("textHint", { max: REASON_TEMPLATE_MAX })} error={errors[field]} errorPrefix={t("errorPrefix")}>
            <textarea
              id={id}
              name={field}
              lang={lang}
              rows={2}
              maxLength={REASON_TEMPLATE_MAX}
              defaultValue={values[field] ?? ""}
              aria-describedby={describedBy(id, true, errors[field])}
              aria-invalid={errors[field] ? true : undefined}
              className={inputClass(errors[field])}
            />
          </FieldShell>
        );
      })}
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
