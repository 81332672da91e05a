"use client";

/** Questions answered by typing: text, textarea, number, money, e-mail, phone, ID number, USCC and date. */
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TFieldOf } from "@/lib/forms/definition";
import { localize } from "@/lib/i18n/locales";
import { fenToYuanText } from "@/lib/money";
import { maskIdentifier, maskMobile } from "@/lib/identifiers/mask";
import { FieldShell, inputClass } from "../text-input";
import { controlAria, shellProps, useHydrated, type TFieldProps } from "./common";
import { dateBound, textOf } from "./values";

export type TTextLikeField = TFieldOf<"text" | "textarea" | "number" | "money" | "email" | "phone" | "id-number" | "uscc" | "date">;

export function TextField({ field, value, parts, context }: TFieldProps<TTextLikeField>) {
  const t = useTranslations("fields");
  const { id, path, locked, error } = parts;
  const base = { id, name: path, readOnly: locked || undefined };
  const look = (width: string, extra = "") => `${inputClass(error, { width, locked })} ${extra}`;
  const text = textOf(value);
  if (locked && context.maskLocked && (field.type === "id-number" || field.type === "phone") && text !== "") {
    // Shown masked, not posted: the register's value is the one intake keeps.
    const masked = field.type === "phone" ? maskMobile(text) : maskIdentifier(text);
    return (
      <FieldShell {...shellProps(parts)}>
        <input id={id} type="text" readOnly value={masked} {...controlAria(parts)} className={look("max-w-[16em]", "font-mono tracking-wider")} />
      </FieldShell>
    );
  }
  let control: React.ReactNode;
  switch (field.type) {
    case "textarea":
      return (
        <FieldShell {...shellProps(parts)}>
          <CountedTextarea {...base} {...controlAria(parts)} defaultValue={text} maxLength={field.maxLength} className={look("max-w-2xl")} />
        </FieldShell>
      );
    case "number": {
      const unit = field.unit ? localize(field.unit, context.locale) : undefined;
      const input = (
        <input
          {...base}
          {...controlAria(parts, unit ? `${id}-unit` : undefined)}
          type="text"
          inputMode={field.integer ? "numeric" : "decimal"}
          autoComplete="off"
          defaultValue={text}
          className={look("max-w-[10em]", "min-w-0")}
        />
      );
      control = unit ? (
        <span className="flex items-center gap-2">
          {input}
          <span id={`${id}-unit`}>{unit}</span>
        </span>
      ) : (
        input
      );
      break;
    }
    case "money": {
      // The answer is kept in fen; the applicant reads and types yuan.
      const shown = typeof value === "number" && Number.isInteger(value) ? fenToYuanText(value) : text;
      const symbol = (
        <span aria-hidden="true" className="shrink-0">
          {t("yuanSymbol")}
        </span>
      );
      const symbolFirst = context.locale === "en";
      control = (
        <span className="flex items-center gap-2">
          {symbolFirst ? symbol : null}
          <input
            {...base}
            {...controlAria(parts, `${id}-unit`)}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={shown}
            className={look("max-w-[12em]", "min-w-0")}
          />
          {symbolFirst ? null : symbol}
          <span id={`${id}-unit`} className="sr-only">
            {t("inYuan")}
          </span>
        </span>
      );
      break;
    }
    case "date":
      control = (
        <input
          {...base}
          {...controlAria(parts)}
          type="date"
          min={dateBound(field.min)}
          max={dateBound(field.max)}
          defaultValue={text}
          className={look("max-w-full", "sm:w-auto")}
        />
      );
      break;
    case "email":
      control = (
        <input
          {...base}
          {...controlAria(parts)}
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          defaultValue={text}
          className={look("max-w-xl")}
        />
      );
      break;
    case "phone":
      control = (
        <input {...base} {...controlAria(parts)} type="tel" inputMode="tel" autoComplete="tel-national" defaultValue={text} className={look("max-w-[14em]")} />
      );
      break;
    case "id-number":
    case "uscc":
      // 18 characters either way; the last may be a letter (X, or a USCC's check character), typed in any case.
      control = (
        <input
          {...base}
          {...controlAria(parts)}
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={18}
          defaultValue={text}
          className={look("max-w-[16em]", "font-mono tracking-wider")}
        />
      );
      break;
    default:
      control = <input {...base} {...controlAria(parts)} type="text" defaultValue={text} maxLength={field.maxLength} className={look("max-w-xl")} />;
  }
  return <FieldShell {...shellProps(parts)}>{control}</FieldShell>;
}

/** A textarea that, once JavaScript runs, says how many characters are left. */
function CountedTextarea({ maxLength, defaultValue, readOnly, ...props }: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { maxLength: number; defaultValue: string }) {
  const t = useTranslations("fields");
  const hydrated = useHydrated();
  const [length, setLength] = useState(defaultValue.length);
  const ref = useRef<HTMLTextAreaElement>(null);
  // A form is reset to its defaults after each submit, without a change event: count what it was reset to.
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const recount = () => setTimeout(() => setLength(ref.current?.value.length ?? 0));
    form.addEventListener("reset", recount);
    return () => form.removeEventListener("reset", recount);
  }, []);
  return (
    <>
      <textarea
        {...props}
        ref={ref}
        readOnly={readOnly}
        rows={5}
        maxLength={maxLength}
        defaultValue={defaultValue}
        onChange={(event) => setLength(event.target.value.length)}
      />
      {hydrated && !readOnly ? <p className="mt-1 text-muted">{t("charactersLeft", { count: Math.max(0, maxLength - length) })}</p> : null}
    </>
  );
}
