"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldShell, FieldsetShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TBundleField, TBundleInput } from "@/server/bundles/bundle-input";
import type { TErrorCode } from "@/server/errors";
import { AdminTextField, errorSummaryOf } from "./admin-text-field";

export type TBundleFormState = {
  error?: TErrorCode;
  fields?: Partial<Record<TBundleField, TErrorCode>>;
  /** What the admin posted, shown again with the problems. */
  values?: Partial<TBundleInput>;
};

const order: TBundleField[] = ["code", "nameZhHans", "nameZhHant", "nameEn", "summaryZhHans", "summaryZhHant", "summaryEn", "applicantType", "topic"];
const languages = [
  { suffix: "ZhHans", lang: "zh-Hans" },
  { suffix: "ZhHant", lang: "zh-Hant" },
  { suffix: "En", lang: "en" },
] as const;

/**
 * A new bundle: code, name and summary in each language, who applies, its topic. A plain form post (works without
 * JavaScript); a refusal comes back with what was typed and each problem next to its field. Needs the `adminBundles`,
 * `catalog` and `errors` messages.
 */
export function BundleForm({ topics, action: save }: { topics: readonly string[]; action: (state: TBundleFormState, formData: FormData) => Promise<TBundleFormState> }) {
  const t = useTranslations("adminBundles");
  const tc = useTranslations("catalog");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TBundleFormState, FormData>(save, {});
  const values = state.values ?? {};
  const errors: Partial<Record<TBundleField, string>> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code as TErrorCode)]));
  const summary = errorSummaryOf(order, errors, "bundle");
  if (state.error && summary.length === 0) summary.push({ href: "#bundle-code", text: te(state.error) });
  const text = (name: TBundleField, extra: { hint?: string; lang?: string; width?: string } = {}) => (
    <AdminTextField key={name} id={`bundle-${name}`} name={name} label={t(`fields.${name}`)} error={errors[name]} errorPrefix={t("errorPrefix")} defaultValue={values[name] ?? ""} {...extra} />
  );
  const summaryField = (suffix: string, lang: string) => {
    const name = `summary${suffix}` as TBundleField;
    const id = `bundle-${name}`;
    return (
      <FieldShell key={name} id={id} label={t(`fields.${name}`)} error={errors[name]} errorPrefix={t("errorPrefix")}>
        <textarea id={id} name={name} lang={lang} rows={3} defaultValue={values[name] ?? ""} aria-describedby={describedBy(id, undefined, errors[name])} aria-invalid={errors[name] ? true : undefined} className={inputClass(errors[name])} />
      </FieldShell>
    );
  };

  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      {text("code", { hint: t("codeHint"), width: "max-w-[20em]" })}
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{t("namesLegend")}</legend>
        {languages.map(({ suffix, lang }) => text(`name${suffix}`, { lang }))}
        {languages.map(({ suffix, lang }) => summaryField(suffix, lang))}
      </fieldset>
      <FieldsetShell id="bundle-applicantType" label={t("fields.applicantType")} error={errors.applicantType} errorPrefix={t("errorPrefix")} legendClass="text-xl font-bold">
        {(["legal", "natural"] as const).map((type) => (
          <label key={type} className="mb-2 flex items-center gap-2">
            <input type="radio" name="applicantType" value={type} defaultChecked={values.applicantType === type} className="size-6" />
            {t(`applicantTypes.${type}`)}
          </label>
        ))}
      </FieldsetShell>
      <FieldShell id="bundle-topic" label={t("fields.topic")} error={errors.topic} errorPrefix={t("errorPrefix")}>
        <select id="bundle-topic" name="topic" defaultValue={values.topic ?? ""} aria-describedby={describedBy("bundle-topic", undefined, errors.topic)} aria-invalid={errors.topic ? true : undefined} className={inputClass(errors.topic, { width: "max-w-md" })}>
          <option value="">{t("chooseTopic")}</option>
          {topics.map((topic) => (
            <option key={topic} value={topic}>
              {tc(`topics.${topic}` as "topics.business")}
            </option>
          ))}
        </select>
      </FieldShell>
      <Button disabled={pending}>{t("create")}</Button>
    </form>
  );
}
