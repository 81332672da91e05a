"use client";

/** Questions answered by choosing: select, radios, checkboxes, yes/no and a declaration to confirm. */
import { useTranslations } from "next-intl";
import type { TFieldOf, TOption } from "@/lib/forms/definition";
import { localize, type Locale } from "@/lib/i18n/locales";
import { FieldsetShell, FieldShell } from "../text-input";
import {
  choiceInputClass,
  choiceLabelClass,
  choiceRowClass,
  controlAria,
  LockedValue,
  Select,
  selectClass,
  shellProps,
  type TFieldParts,
  type TFieldProps,
} from "./common";
import { stringsOf, textOf, yesNoOf } from "./values";

export function SelectField({ field, value, parts, context }: TFieldProps<TFieldOf<"select">>) {
  const t = useTranslations("fields");
  const chosen = textOf(value);
  if (parts.locked) return <LockedChoice parts={parts} options={field.options} chosen={[chosen]} locale={context.locale} />;
  return (
    <FieldShell {...shellProps(parts)}>
      <Select id={parts.id} name={parts.path} defaultValue={chosen} {...controlAria(parts)} className={selectClass(parts.error)}>
        <option value="">{t("choose")}</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {localize(option.label, context.locale)}
          </option>
        ))}
      </Select>
    </FieldShell>
  );
}

export function RadioField({ field, value, parts, context }: TFieldProps<TFieldOf<"radio">>) {
  const chosen = textOf(value);
  if (parts.locked) return <LockedChoice parts={parts} options={field.options} chosen={[chosen]} locale={context.locale} />;
  return (
    <FieldsetShell {...shellProps(parts)}>
      <Choices type="radio" parts={parts} options={field.options} chosen={[chosen]} locale={context.locale} />
    </FieldsetShell>
  );
}

export function CheckboxGroupField({ field, value, parts, context }: TFieldProps<TFieldOf<"checkbox-group">>) {
  const t = useTranslations("fields");
  const chosen = stringsOf(value);
  if (parts.locked) return <LockedChoice parts={parts} options={field.options} chosen={chosen} locale={context.locale} />;
  const limit = field.maxSelected !== undefined && field.maxSelected < field.options.length ? t("chooseUpTo", { max: field.maxSelected }) : undefined;
  const hint = limit ? (
    <>
      {parts.hint}
      <p>{limit}</p>
    </>
  ) : (
    parts.hint
  );
  return (
    <FieldsetShell {...shellProps({ ...parts, hint })}>
      <Choices type="checkbox" parts={parts} options={field.options} chosen={chosen} locale={context.locale} />
    </FieldsetShell>
  );
}

export function YesNoField({ value, parts, context }: TFieldProps<TFieldOf<"yesno">>) {
  const t = useTranslations("fields");
  const chosen = yesNoOf(value) ?? "";
  const options = (["yes", "no"] as const).map((answer) => ({ value: answer, text: t(answer) }));
  if (parts.locked) {
    return (
      <FieldShell {...shellProps(parts)}>
        <LockedValue parts={parts} shown={options.find((option) => option.value === chosen)?.text ?? ""} posted={chosen ? [[parts.path, chosen]] : []} />
      </FieldShell>
    );
  }
  return (
    <FieldsetShell {...shellProps(parts)}>
      <Choices type="radio" inline parts={parts} options={options} chosen={[chosen]} locale={context.locale} />
    </FieldsetShell>
  );
}

export function DeclarationField({ value, parts }: TFieldProps<TFieldOf<"declaration">>) {
  const t = useTranslations("fields");
  const confirmed = value === true || value === "yes";
  return (
    <FieldsetShell {...shellProps(parts)}>
      <div className={choiceRowClass}>
        <input
          id={parts.id}
          type="checkbox"
          name={parts.path}
          value="yes"
          defaultChecked={confirmed}
          aria-invalid={parts.error ? true : undefined}
          className={choiceInputClass}
        />
        <label htmlFor={parts.id} className={choiceLabelClass}>
          {t("confirm")}
        </label>
      </div>
    </FieldsetShell>
  );
}

type TChoice = TOption | { value: string; text: string };

/** Radio or checkbox rows; the first input takes the field's id, the others `<id>-<n>`. */
function Choices({
  type,
  inline = false,
  parts,
  options,
  chosen,
  locale,
}: {
  type: "radio" | "checkbox";
  inline?: boolean;
  parts: TFieldParts;
  options: TChoice[];
  chosen: string[];
  locale: Locale;
}) {
  return (
    <div className={inline ? "flex flex-wrap gap-x-8" : undefined}>
      {options.map((option, index) => {
        const id = index === 0 ? parts.id : `${parts.id}-${index}`;
        const hint = "label" in option && option.hint ? localize(option.hint, locale) : undefined;
        return (
          <div key={option.value} className={choiceRowClass}>
            <input
              id={id}
              type={type}
              name={parts.path}
              value={option.value}
              defaultChecked={chosen.includes(option.value)}
              aria-describedby={hint ? `${id}-hint` : undefined}
              aria-invalid={parts.error ? true : undefined}
              className={choiceInputClass}
            />
            <div>
              <label htmlFor={id} className={choiceLabelClass}>
                {"label" in option ? localize(option.label, locale) : option.text}
              </label>
              {hint ? (
                <p id={`${id}-hint`} className="text-muted">
                  {hint}
                </p>
              ) : null}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function LockedChoice({ parts, options, chosen, locale }: { parts: TFieldParts; options: TOption[]; chosen: string[]; locale: Locale }) {
  const picked = options.filter((option) => chosen.includes(option.value));
  return (
    <FieldShell {...shellProps(parts)}>
      <LockedValue
        parts={parts}
        shown={picked.map((option) => localize(option.label, locale)).join(locale === "en" ? ", " : "、")}
        posted={picked.map((option) => [parts.path, option.value])}
      />
    </FieldShell>
  );
}
