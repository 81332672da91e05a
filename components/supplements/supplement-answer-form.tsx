"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { describeFieldError } from "@/components/forms/describe-field-error";
import { fieldId, FormField } from "@/components/forms/form-field";
import type { TFieldContext } from "@/components/forms/fields/common";
import type { TField, TFormDefinition } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/validate-answers";
import type { TErrorCode } from "@/server/errors";

export type TSupplementAnswerState = { formError?: TErrorCode; fieldErrors?: Record<string, TFieldError> };

/**
 * The applicant's answer to a supplement request: only the fields the department listed, each under the
 * department's note, rendered by the same field components as the wizard. One "send"; a file can be removed first.
 */
export function SupplementAnswerForm({
  definition,
  fields,
  notes,
  values,
  context,
  action,
}: {
  definition: TFormDefinition;
  fields: TField[];
  notes: Record<string, string>;
  values: Record<string, unknown>;
  context: Omit<TFieldContext, "errorFor">;
  action: (state: TSupplementAnswerState, formData: FormData) => Promise<TSupplementAnswerState>;
}) {
  const t = useTranslations("supplementAnswer");
  const tf = useTranslations("formErrors");
  const tu = useTranslations("uploadErrors");
  const te = useTranslations("errors");
  const tform = useTranslations("form");
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const describe = (path: string) => {
    const error = errors[path];
    return error ? describeFieldError({ definition, path, error, locale: context.locale, tf, tu, todayWord: tform("today") }) : undefined;
  };
  const summary = [
    ...(state.formError ? [{ href: "#supplement-actions", text: te(state.formError) }] : []),
    ...Object.keys(errors).map((path) => ({ href: `#${fieldId(path)}`, text: describe(path)! })),
  ];
  return (
    <form action={formAction} noValidate>
      {/* Enter in a text box sends the answer, not "remove file". */}
      <button type="submit" name="intent" value="send" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <ErrorSummary title={tform("errorTitle")} errors={summary} />
      {fields.map((field) => (
        <div key={field.key} className="mb-8">
          <p className="mb-3 border-l-4 border-warn bg-panel p-3">
            <span className="font-semibold">{t("departmentSays")}</span> {notes[field.key]}
          </p>
          <FormField field={field} value={values[field.key]} context={{ ...context, errorFor: describe }} />
        </div>
      ))}
      <div id="supplement-actions">
        <Button name="intent" value="send" disabled={pending} className="text-xl">
          {t("send")}
        </Button>
      </div>
    </form>
  );
}
