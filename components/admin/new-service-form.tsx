"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { choiceInputClass, choiceLabelClass, choiceRowClass } from "@/components/forms/fields/common";
import { describedBy, FieldsetShell, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { AdminTextField } from "./admin-text-field";
import type { TServiceFormState } from "./service-guide-form";

const order = ["code", "nameZhHans", "nameZhHant", "nameEn", "departmentId", "applicantType", "kind"];
const languages = [
  { suffix: "ZhHans", lang: "zh-Hans" },
  { suffix: "ZhHant", lang: "zh-Hant" },
  { suffix: "En", lang: "en" },
] as const;

/**
 * A new service: code, name, department, who applies, instant or promised. A plain form post; a refusal comes back
 * with what was typed. The choices come translated from the page. Needs the `adminServices` and `errors` messages.
 */
export function NewServiceForm({
  departments,
  applicantTypes,
  kinds,
  action: create,
}: {
  departments: { id: string; label: string }[];
  applicantTypes: { value: string; label: string }[];
  kinds: { value: string; label: string; hint: string }[];
  action: (state: TServiceFormState, formData: FormData) => Promise<TServiceFormState>;
}) {
  const t = useTranslations("adminServices");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TServiceFormState, FormData>(create, {});
  const values = state.values ?? {};
  const errors: Record<string, string> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code)]));
  const summary = order.filter((field) => errors[field]).map((field) => ({ href: `#new-service-${field}`, text: errors[field] }));
  if (state.error && summary.length === 0) summary.push({ href: "#new-service-code", text: te(state.error) });
  const errorPrefix = t("errorPrefix");
  const radios = (name: "applicantType" | "kind", options: { value: string; label: string; hint?: string }[]) => (
    <FieldsetShell id={`new-service-${name}`} label={t(`fields.${name}`)} error={errors[name]} errorPrefix={errorPrefix}>
      {options.map((option, index) => {
        const id = index === 0 ? `new-service-${name}` : `new-service-${name}-${index}`;
        return (
          <div key={option.value} className={choiceRowClass}>
            <input id={id} type="radio" name={name} value={option.value} defaultChecked={values[name] === option.value} aria-describedby={option.hint ? `${id}-hint` : undefined} className={choiceInputClass} />
            <label htmlFor={id} className={choiceLabelClass}>
              {option.label}
              {option.hint ? (
                <span id={`${id}-hint`} className="block text-muted">
                  {option.hint}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
    </FieldsetShell>
  );

  return (
    // React resets a form after its action; a select or checkbox goes back to its default AT MOUNT, not to what was
    // posted. Mounting the form afresh for each answer makes what was posted the default it resets to.
    <form key={JSON.stringify(state)} action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <AdminTextField id="new-service-code" name="code" label={t("fields.code")} hint={t("codeHint")} error={errors.code} errorPrefix={errorPrefix} defaultValue={values.code ?? ""} width="max-w-[20em]" />
      <fieldset className="mb-4">
        <legend className="mb-2 text-xl font-bold">{t("fields.name")}</legend>
        {languages.map(({ suffix, lang }) => (
          <AdminTextField key={suffix} id={`new-service-name${suffix}`} name={`name${suffix}`} label={t(`languages.${suffix}`)} lang={lang} error={errors[`name${suffix}`]} errorPrefix={errorPrefix} defaultValue={values[`name${suffix}`] ?? ""} />
        ))}
      </fieldset>
      <FieldShell id="new-service-departmentId" label={t("fields.department")} error={errors.departmentId} errorPrefix={errorPrefix}>
        <select
          id="new-service-departmentId"
          name="departmentId"
          defaultValue={values.departmentId ?? ""}
          aria-describedby={describedBy("new-service-departmentId", undefined, errors.departmentId)}
          aria-invalid={errors.departmentId ? true : undefined}
          className={inputClass(errors.departmentId, { width: "max-w-md" })}
        >
          <option value="">{t("chooseDepartment")}</option>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.label}
            </option>
          ))}
        </select>
      </FieldShell>
      {radios("applicantType", applicantTypes)}
      {radios("kind", kinds)}
      <Button disabled={pending}>{t("create")}</Button>
    </form>
  );
}
