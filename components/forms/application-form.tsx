"use client";

/**
 * The single intake form engine's renderer: draws any form definition, shows and hides fields as the applicant
 * answers (the same show-when evaluator the server uses), and posts to the intake server action. Without
 * JavaScript it is a plain form post; fields hidden by a rule are then offered in <noscript>, and the server
 * ignores any that the rule leaves hidden.
 */
import { useActionState, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TApplyState } from "@/app/apply/[code]/actions";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { listFields, type TFormDefinition } from "@/lib/forms/definition";
import { listVisibleFields } from "@/lib/forms/validate-answers";
import { localize, type Locale } from "@/lib/i18n/locales";
import { FormField, type TFieldValue } from "./form-field";

export function ApplicationForm({
  definition,
  locale,
  idempotencyKey,
  action,
}: {
  definition: TFormDefinition;
  locale: Locale;
  idempotencyKey: string;
  action: (state: TApplyState, formData: FormData) => Promise<TApplyState>;
}) {
  const t = useTranslations("form");
  const te = useTranslations("errors");
  const tf = useTranslations("formErrors");
  const [state, formAction, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const [live, setLive] = useState<Record<string, unknown> | null>(null);

  const values: Record<string, TFieldValue> = live ? (live as Record<string, TFieldValue>) : (state.values ?? {});
  const visibleKeys = useMemo(() => new Set(listVisibleFields(definition, values).map((f) => f.key)), [definition, values]);
  const fields = listFields(definition);
  const labelOf = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return field ? localize(field.label, locale) : key;
  };
  const errorText = (key: string) => {
    const error = state.fieldErrors?.[key];
    if (!error) return undefined;
    const params = Object.fromEntries(
      Object.entries(error.params ?? {}).map(([name, value]) => [name, value === "today" ? t("today") : value]),
    );
    // "Enter …" suits a box to type in; a question answered by picking asks to choose.
    const type = fields.find((f) => f.key === key)?.type;
    const code = error.code === "required" && (type === "select" || type === "yesno") ? "required-choice" : error.code;
    return tf(code, { label: labelOf(key), ...params });
  };
  const summary = [
    ...(state.formError && state.formError !== "invalid:form-answer" ? [{ href: "#submit", text: te(state.formError) }] : []),
    ...Object.keys(state.fieldErrors ?? {}).map((key) => ({ href: `#field-${key}`, text: errorText(key)! })),
  ];

  function readForm() {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    const next: Record<string, unknown> = {};
    for (const [key, value] of data.entries()) if (typeof value === "string") next[key] = value;
    setLive(next);
  }

  return (
    <form ref={formRef} action={formAction} onChange={readForm} noValidate>
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {definition.pages.map((page) => (
        <div key={page.key}>
          {page.title ? <h2 className="mb-4 text-2xl font-bold">{localize(page.title, locale)}</h2> : null}
          {page.sections.map((section) => (
            <fieldset key={section.key} className="mb-8">
              {section.title ? (
                <legend className="mb-4 border-b-2 border-line pb-1 text-xl font-bold">{localize(section.title, locale)}</legend>
              ) : null}
              {section.fields.map((field) => {
                const rendered = <FormField key={field.key} field={field} locale={locale} value={values[field.key]} error={errorText(field.key)} />;
                if (visibleKeys.has(field.key)) return rendered;
                // Hidden by a rule. Without JavaScript nothing can reveal it, so offer it with a note instead.
                return live === null ? (
                  <noscript key={field.key}>
                    <p className="mb-2 text-muted">{t("onlyIfApplies")}</p>
                    {rendered}
                  </noscript>
                ) : null;
              })}
            </fieldset>
          ))}
        </div>
      ))}
      <p className="mb-4">{t("declaration")}</p>
      <Button id="submit" disabled={pending} className="text-xl">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
