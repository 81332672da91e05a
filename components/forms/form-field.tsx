"use client";

import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { TField } from "@/lib/forms/definition";
import { localize, type Locale } from "@/lib/i18n/locales";
import { describedBy, FieldShell, inputClass } from "./text-input";

export type TFieldValue = string | number | boolean | undefined;

/** One field of a form definition, rendered as the accessible control its type calls for. */
export function FormField({
  field,
  locale,
  value,
  error,
}: {
  field: TField;
  locale: Locale;
  value: TFieldValue;
  error?: string;
}) {
  const t = useTranslations("form");
  const id = `field-${field.key}`;
  const label = (
    <>
      {localize(field.label, locale)}
      {field.required ? null : <span className="font-normal text-muted"> {t("optional")}</span>}
    </>
  );
  const hint = field.hint ? localize(field.hint, locale) : undefined;
  const common = {
    id,
    name: field.key,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? true : undefined,
    // Browsers' own required-field bubbles speak one language; our messages speak the reader's.
    "aria-required": field.required || undefined,
  } as const;
  const text = value === undefined || typeof value === "boolean" ? "" : String(value);
  const selectRef = useRef<HTMLSelectElement>(null);
  // React keeps an input's default in step with defaultValue, but marks a select's default option only when it
  // mounts; the form is reset to its defaults after each submit, so an answer in a select would vanish whenever
  // the form came back with errors. Keep the default option in step with the answer.
  useEffect(() => {
    for (const option of Array.from(selectRef.current?.options ?? [])) option.defaultSelected = option.value === text;
  }, [text]);

  if (field.type === "yesno") {
    const checked = value === true || value === "yes" ? "yes" : value === false || value === "no" ? "no" : undefined;
    return (
      <div className={`mb-6 ${error ? "border-l-4 border-danger pl-4" : ""}`}>
        <fieldset aria-describedby={describedBy(id, hint, error)}>
          <legend className="font-semibold">{label}</legend>
          {hint ? (
            <p id={`${id}-hint`} className="text-muted">
              {hint}
            </p>
          ) : null}
          {error ? (
            <p id={`${id}-error`} className="font-semibold text-danger">
              {error}
            </p>
          ) : null}
          <div className="mt-2 flex gap-6">
            {(["yes", "no"] as const).map((option, index) => (
              <label key={option} className="flex items-center gap-2">
                <input
                  type="radio"
                  id={index === 0 ? id : `${id}-${option}`}
                  name={field.key}
                  value={option}
                  defaultChecked={checked === option}
                  className="size-6"
                />
                {t(option)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  let control: React.ReactNode;
  switch (field.type) {
    case "textarea":
      control = <textarea {...common} rows={5} defaultValue={text} maxLength={field.maxLength} className={inputClass(error)} />;
      break;
    case "select":
      control = (
        <select {...common} ref={selectRef} defaultValue={text} className={`${inputClass(error)} sm:w-auto`}>
          <option value="">{t("choose")}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {localize(option.label, locale)}
            </option>
          ))}
        </select>
      );
      break;
    case "date":
      control = <input {...common} type="date" defaultValue={text} className={`${inputClass(error)} sm:w-auto`} />;
      break;
    case "number":
      control = (
        <span className="flex items-center gap-2">
          <input {...common} type="text" inputMode={field.integer ? "numeric" : "decimal"} defaultValue={text} className={`${inputClass(error)} max-w-48`} />
          {field.unit ? <span>{localize(field.unit, locale)}</span> : null}
        </span>
      );
      break;
    case "phone":
      control = <input {...common} type="tel" inputMode="numeric" autoComplete="tel-national" defaultValue={text} className={`${inputClass(error)} max-w-64`} />;
      break;
    case "id-number":
      control = (
        <input {...common} type="text" autoComplete="off" spellCheck={false} maxLength={18} defaultValue={text} className={`${inputClass(error)} max-w-80 font-mono tracking-wider`} />
      );
      break;
    default:
      control = <input {...common} type="text" defaultValue={text} maxLength={field.maxLength} className={inputClass(error)} />;
  }
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {control}
    </FieldShell>
  );
}
