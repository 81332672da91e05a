"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TDepartmentField, TDepartmentInput } from "@/server/departments/department-input";
import type { TErrorCode } from "@/server/errors";
import { AdminTextField, errorSummaryOf } from "./admin-text-field";

export type TDepartmentFormState = {
  error?: TErrorCode;
  fields?: Partial<Record<TDepartmentField, TErrorCode>>;
  /** What the admin posted, shown again with the problems. */
  values?: Partial<TDepartmentInput>;
};

const order: TDepartmentField[] = ["code", "nameZhHans", "nameZhHant", "nameEn", "shortNameZhHans", "shortNameZhHant", "shortNameEn", "phone", "address", "hours"];
const languages = [
  { suffix: "ZhHans", lang: "zh-Hans" },
  { suffix: "ZhHant", lang: "zh-Hant" },
  { suffix: "En", lang: "en" },
] as const;

/**
 * Add a department or change one: code, name and short name in each language, contact. A plain form post (works
 * without JavaScript); a refusal comes back with what was typed and each problem next to its field. Needs the
 * `adminDepartments` and `errors` messages.
 */
export function DepartmentForm({ initial, submitLabel, action: save }: { initial: Partial<TDepartmentInput>; submitLabel: string; action: (state: TDepartmentFormState, formData: FormData) => Promise<TDepartmentFormState> }) {
  const t = useTranslations("adminDepartments");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TDepartmentFormState, FormData>(save, {});
  const values = state.values ?? initial;
  const errors: Partial<Record<TDepartmentField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(order, errors, "department");
  if (state.error && summary.length === 0) summary.push({ href: "#department-code", text: te(state.error) });
  const field = (name: TDepartmentField, extra: { hint?: string; lang?: string; type?: "tel"; width?: string } = {}) => (
    <AdminTextField key={name} id={`department-${name}`} name={name} label={t(`fields.${name}`)} error={errors[name]} errorPrefix={t("errorPrefix")} defaultValue={values[name] ?? ""} {...extra} />
  );

  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      {field("code", { hint: t("codeHint"), width: "max-w-[12em]" })}
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{t("namesLegend")}</legend>
        {languages.map(({ suffix, lang }) => field(`name${suffix}`, { lang }))}
        <p className="mb-4 text-muted">{t("shortNameHint")}</p>
        {languages.map(({ suffix, lang }) => field(`shortName${suffix}`, { lang }))}
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{t("contactLegend")}</legend>
        {field("phone", { type: "tel", width: "max-w-[16em]" })}
        {field("address")}
        {field("hours", { hint: t("hoursHint") })}
      </fieldset>
      <Button disabled={pending}>{submitLabel}</Button>
    </form>
  );
}
