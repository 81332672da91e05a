"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { choiceInputClass, choiceLabelClass, choiceRowClass } from "@/components/forms/fields/common";
import { describedBy, FieldsetShell, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TCalendarDayField, TCalendarDayInput } from "@/server/calendar/calendar-day-input";
import type { TErrorCode } from "@/server/errors";

export type TCalendarDayFormState = {
  error?: TErrorCode;
  /** Each field's problem, shown next to it. */
  fields?: Partial<Record<TCalendarDayField, TErrorCode>>;
  /** What the admin posted, shown again. */
  values?: TCalendarDayInput;
};

export type TCalendarDayFormProps = {
  /** The day to change (from the table's Change link), or empty fields for a new one. */
  initial: { date: string; kind: string; name: string };
  /** The first and last date an administrator may edit, for the date picker. */
  minDate: string;
  maxDate: string;
  /** The page's server action that adds or changes the day. */
  action: (state: TCalendarDayFormState, formData: FormData) => Promise<TCalendarDayFormState>;
};

const kinds = ["holiday", "workday"] as const;

/**
 * Add a day to the holiday calendar or change one. A plain form post, so it works without JavaScript; a refusal
 * comes back with what was typed and each problem next to its field. Needs the `adminCalendar` and `errors` messages.
 */
export function CalendarDayForm({ initial, minDate, maxDate, action: setDay }: TCalendarDayFormProps) {
  const t = useTranslations("adminCalendar");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TCalendarDayFormState, FormData>(setDay, {});
  const values = state.values ?? initial;
  const errorOf = (field: "date" | "kind" | "name") => {
    const code = state.fields?.[field];
    return code ? te(code) : undefined;
  };
  const errors = { date: errorOf("date"), kind: errorOf("kind"), name: errorOf("name") };
  const summary = (["date", "kind", "name"] as const).flatMap((field) => (errors[field] ? [{ href: `#day-${field}`, text: errors[field] }] : []));
  // A refusal that is about no field (the session ended, the role changed) still says what happened.
  if (state.error && summary.length === 0) summary.push({ href: "#day-date", text: te(state.error) });

  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <FieldShell id="day-date" label={t("dateLabel")} hint={t("dateHint")} error={errors.date} errorPrefix={t("errorPrefix")}>
        <input
          id="day-date"
          name="date"
          type="date"
          min={minDate}
          max={maxDate}
          defaultValue={values.date}
          aria-describedby={describedBy("day-date", true, errors.date)}
          aria-invalid={errors.date ? true : undefined}
          className={inputClass(errors.date, { width: "max-w-[12em]" })}
        />
      </FieldShell>
      <FieldsetShell id="day-kind" label={t("kindLabel")} error={errors.kind} errorPrefix={t("errorPrefix")}>
        {kinds.map((kind, index) => {
          const id = index === 0 ? "day-kind" : `day-kind-${index}`;
          return (
            <div key={kind} className={choiceRowClass}>
              <input
                id={id}
                type="radio"
                name="kind"
                value={kind}
                defaultChecked={values.kind === kind}
                aria-describedby={`${id}-hint`}
                aria-invalid={errors.kind ? true : undefined}
                className={choiceInputClass}
              />
              <div>
                <label htmlFor={id} className={choiceLabelClass}>
                  {t(`kinds.${kind}`)}
                </label>
                <p id={`${id}-hint`} className="text-muted">
                  {t(kind === "holiday" ? "kindHolidayHint" : "kindWorkdayHint")}
                </p>
              </div>
            </div>
          );
        })}
      </FieldsetShell>
      <FieldShell id="day-name" label={t("nameLabel")} hint={t("nameHint")} error={errors.name} errorPrefix={t("errorPrefix")}>
        <input
          id="day-name"
          name="name"
          defaultValue={values.name}
          autoComplete="off"
          aria-describedby={describedBy("day-name", true, errors.name)}
          aria-invalid={errors.name ? true : undefined}
          className={inputClass(errors.name, { width: "max-w-[20em]" })}
        />
      </FieldShell>
      <Button disabled={pending}>{t("save")}</Button>
    </form>
  );
}
