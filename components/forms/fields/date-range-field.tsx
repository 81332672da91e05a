"use client";

/** A date range: two dates under one legend, posted as `<path>.from` and `<path>.to`. */
import { useTranslations } from "next-intl";
import type { TFieldOf } from "@/lib/forms/definition";
import { FieldsetShell, inputClass } from "../text-input";
import { shellProps, type TFieldProps } from "./common";
import { dateBound, partOf, textOf } from "./values";

export function DateRangeField({ field, value, parts }: TFieldProps<TFieldOf<"date-range">>) {
  const t = useTranslations("fields");
  const ends = [
    { part: "from", id: parts.id },
    { part: "to", id: `${parts.id}-to` },
  ] as const;
  return (
    <FieldsetShell {...shellProps(parts)}>
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        {ends.map(({ part, id }) => (
          <div key={part} className="min-w-0">
            <label htmlFor={id} className="block">
              {t(part)}
            </label>
            <input
              id={id}
              name={`${parts.path}.${part}`}
              type="date"
              readOnly={parts.locked || undefined}
              min={dateBound(field.min)}
              max={dateBound(field.max)}
              defaultValue={textOf(partOf(value, part))}
              aria-invalid={parts.error ? true : undefined}
              className={`${inputClass(parts.error, { width: "max-w-full", locked: parts.locked })} sm:w-auto`}
            />
          </div>
        ))}
      </div>
    </FieldsetShell>
  );
}
