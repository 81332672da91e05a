"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FieldShell, describedBy, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TErrorCode } from "@/server/errors";
import { AdminTextArea, AdminTextField } from "./admin-text-field";

export type TServiceFormState = {
  error?: TErrorCode;
  fields?: Record<string, TErrorCode>;
  /** What the admin posted, shown again with the problems. */
  values?: Record<string, string>;
};

const languages = [
  { suffix: "ZhHans", lang: "zh-Hans" },
  { suffix: "ZhHant", lang: "zh-Hant" },
  { suffix: "En", lang: "en" },
] as const;
/** Empty material rows offered after the existing ones: more appear after each save. */
const BLANK_MATERIAL_ROWS = 2;

/**
 * The draft of a service's guide. A plain form post (works without JavaScript): lists are one textarea a language,
 * one item a line; materials are rows, with empty rows to add one and "empty a row to remove it". A refusal comes
 * back with what was typed and each problem next to its field. Needs the `adminServices` and `errors` messages.
 */
export function ServiceGuideForm({
  initial,
  topics,
  departmentContact,
  action: save,
}: {
  initial: Record<string, string>;
  topics: { value: string; label: string }[];
  /** The department's address, hours and phone, used when the service leaves its own empty. */
  departmentContact: string;
  action: (state: TServiceFormState, formData: FormData) => Promise<TServiceFormState>;
}) {
  const t = useTranslations("adminServices");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TServiceFormState, FormData>(save, {});
  const values = state.values ?? initial;
  const errors: Record<string, string> = Object.fromEntries(Object.entries(state.fields ?? {}).map(([field, code]) => [field, te(code)]));
  const errorPrefix = t("errorPrefix");
  // A list's error is about its three textareas together: the summary links to the first.
  const listBases = new Set(["conditions", "legalBasis", "steps"]);
  const summary = Object.keys(errors).map((field) => ({ href: `#service-${field}${listBases.has(field) ? "ZhHans" : ""}`, text: errors[field] }));
  if (state.error && summary.length === 0) summary.push({ href: "#service-nameZhHans", text: te(state.error) });

  const text = (name: string, extra: { label?: string; hint?: string; lang?: string; width?: string; type?: "tel" } = {}) => (
    <AdminTextField key={name} id={`service-${name}`} name={name} label={extra.label ?? t(`fields.${name}`)} error={errors[name]} errorPrefix={errorPrefix} defaultValue={values[name] ?? ""} {...extra} />
  );
  const localized = (base: string, legend: string) => (
    <fieldset className="mb-4">
      <legend className="mb-2 text-xl font-bold">{legend}</legend>
      {languages.map(({ suffix, lang }) => text(`${base}${suffix}`, { label: t(`languages.${suffix}`), lang }))}
    </fieldset>
  );
  const list = (base: "conditions" | "legalBasis" | "steps") => (
    <fieldset className={`mb-6 ${errors[base] ? "border-l-4 border-danger pl-3" : ""}`}>
      <legend className="text-xl font-bold">{t(`fields.${base}`)}</legend>
      <p className="mt-1 text-muted">{t("listHint")}</p>
      {errors[base] ? (
        <p id={`service-${base}-error`} className="mt-1 font-semibold text-danger">
          <span className="sr-only">{errorPrefix} </span>
          {errors[base]}
        </p>
      ) : null}
      <div className="mt-3">
        {languages.map(({ suffix, lang }) => (
          <AdminTextArea
            key={suffix}
            id={`service-${base}${suffix}`}
            name={`${base}${suffix}`}
            label={t(`languages.${suffix}`)}
            lang={lang}
            rows={4}
            errorPrefix={errorPrefix}
            defaultValue={values[`${base}${suffix}`] ?? ""}
            groupErrorId={errors[base] ? `service-${base}-error` : undefined}
          />
        ))}
      </div>
    </fieldset>
  );

  const used = [...new Set(Object.keys(values).flatMap((key) => /^material-(\d{1,2})-/.exec(key)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  const next = used.length > 0 ? used[used.length - 1] + 1 : 0;
  const materialRows = [...used, ...Array.from({ length: BLANK_MATERIAL_ROWS }, (_, index) => next + index)];

  return (
    // React resets a form after its action; a select or checkbox goes back to its default AT MOUNT, not to what was
    // posted. Mounting the form afresh for each answer makes what was posted the default it resets to.
    <form key={JSON.stringify(state)} action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      {localized("name", t("fields.name"))}
      <fieldset className="mb-4">
        <legend className="mb-2 text-xl font-bold">{t("fields.summary")}</legend>
        {languages.map(({ suffix, lang }) => (
          <AdminTextArea key={suffix} id={`service-summary${suffix}`} name={`summary${suffix}`} label={t(`languages.${suffix}`)} lang={lang} rows={3} error={errors[`summary${suffix}`]} errorPrefix={errorPrefix} defaultValue={values[`summary${suffix}`] ?? ""} />
        ))}
      </fieldset>
      <FieldShell id="service-topic" label={t("fields.topic")} error={errors.topic} errorPrefix={errorPrefix}>
        <select id="service-topic" name="topic" defaultValue={values.topic ?? ""} aria-describedby={describedBy("service-topic", undefined, errors.topic)} aria-invalid={errors.topic ? true : undefined} className={inputClass(errors.topic, { width: "max-w-md" })}>
          <option value="">{t("chooseTopic")}</option>
          {topics.map((topic) => (
            <option key={topic.value} value={topic.value}>
              {topic.label}
            </option>
          ))}
        </select>
      </FieldShell>
      {list("conditions")}
      <fieldset className="mb-6">
        <legend className="text-xl font-bold">{t("fields.materials")}</legend>
        <p className="mt-1 mb-3 text-muted">{t("materialsHint")}</p>
        {materialRows.map((row, index) => (
          <fieldset key={row} className="mb-4 border-l-4 border-line pl-3">
            <legend className="mb-2 font-bold">{t("materialLegend", { number: index + 1 })}</legend>
            {languages.map(({ suffix, lang }) => text(`material-${row}-name${suffix}`, { label: t("materialName", { language: t(`languages.${suffix}`) }), lang }))}
            {languages.map(({ suffix, lang }) => text(`material-${row}-note${suffix}`, { label: t("materialNote", { language: t(`languages.${suffix}`) }), lang }))}
            <div className="mb-4 flex items-center gap-3">
              <input id={`service-material-${row}-required`} type="checkbox" name={`material-${row}-required`} value="yes" defaultChecked={values[`material-${row}-required`] === "yes"} className="size-6" />
              <label htmlFor={`service-material-${row}-required`}>{t("materialRequired")}</label>
            </div>
            {text(`material-${row}-copies`, { label: t("materialCopies"), width: "max-w-[6em]" })}
          </fieldset>
        ))}
      </fieldset>
      {localized("fees", t("fields.fees"))}
      {list("legalBasis")}
      <fieldset className="mb-6">
        <legend className="mb-1 text-xl font-bold">{t("limitsLegend")}</legend>
        <p className="mb-3 text-muted">{t("limitsHint")}</p>
        {text("legalLimitDays", { width: "max-w-[6em]" })}
        {text("promisedLimitDays", { width: "max-w-[6em]" })}
      </fieldset>
      {list("steps")}
      <fieldset className="mb-6">
        <legend className="mb-1 text-xl font-bold">{t("venueLegend")}</legend>
        <p className="mb-3 text-muted">{t("venueHint", { contact: departmentContact })}</p>
        {text("address")}
        {text("hours")}
        {text("phone", { type: "tel", width: "max-w-[16em]" })}
      </fieldset>
      <Button disabled={pending}>{t("saveDraft")}</Button>
    </form>
  );
}
