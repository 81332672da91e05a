"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { choiceInputClass, choiceLabelClass, choiceRowClass, useHydrated } from "@/components/forms/fields/common";
import { describedBy, FieldsetShell, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { RATING_COMMENT_MAX, ratingLevels, subRatings } from "@/lib/ratings/levels";
import type { TErrorCode } from "@/server/errors";
import type { TRatingField } from "@/server/ratings/rating-input";

export type TRatingValues = Record<TRatingField, string>;
export type TRatingFormState = {
  /** Each question's problem, shown next to it and in the error summary. */
  fields?: Partial<Record<TRatingField, TErrorCode>>;
  /** A refusal about no question (a post that could not be read). */
  error?: TErrorCode;
  /** What was posted, shown again. */
  values?: TRatingValues;
};

const fieldOrder: TRatingField[] = ["overall", ...subRatings, "comment"];
/** The id of a question's first control: where the error summary's link takes the reader. */
const firstId = (field: TRatingField) => (field === "comment" ? "rating-comment" : `rating-${field}`);

/**
 * 好差评 on the tracker: the overall level, three sub-ratings and an optional comment. A plain form post, so it works
 * without JavaScript; a problem comes back with every answer as it was posted and each problem next to its question.
 * Needs the `rating` and `errors` messages.
 */
export function RatingForm({
  caseNumber,
  followUpDays,
  rateAction,
}: {
  caseNumber: string;
  followUpDays: number;
  /** The page's server action. */
  rateAction: (state: TRatingFormState, formData: FormData) => Promise<TRatingFormState>;
}) {
  const t = useTranslations("rating");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TRatingFormState, FormData>(rateAction, {});
  const values = state.values;
  const errorOf = (field: TRatingField) => {
    const code = state.fields?.[field];
    return code ? te(code) : undefined;
  };
  const summary = fieldOrder.flatMap((field) => {
    const text = errorOf(field);
    return text ? [{ href: `#${firstId(field)}`, text }] : [];
  });
  if (state.error && summary.length === 0) summary.push({ href: "#rating-overall", text: te(state.error) });

  const levelRadios = (field: Exclude<TRatingField, "comment">) => (
    <div>
      {ratingLevels.map((level, index) => {
        const id = index === 0 ? firstId(field) : `${firstId(field)}-${level}`;
        return (
          <div key={level} className={choiceRowClass}>
            <input
              id={id}
              type="radio"
              name={field}
              value={level}
              defaultChecked={values?.[field] === String(level)}
              aria-invalid={errorOf(field) ? true : undefined}
              className={choiceInputClass}
            />
            <label htmlFor={id} className={choiceLabelClass}>
              {t(`levels.${level}`)}
            </label>
          </div>
        );
      })}
    </div>
  );

  return (
    <form action={action} noValidate>
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <FieldsetShell
        id="rating-overall-group"
        label={t("overallLegend")}
        legendClass="text-xl font-bold"
        hint={t("badRatingNote", { days: followUpDays })}
        error={errorOf("overall")}
        errorPrefix={t("errorPrefix")}
      >
        {levelRadios("overall")}
      </FieldsetShell>
      <h3 className="mb-4 text-xl font-bold">{t("subRatingsTitle")}</h3>
      {subRatings.map((field) => (
        <FieldsetShell key={field} id={`rating-${field}-group`} label={t(`subLegends.${field}`)} hint={t(`subHints.${field}`)} error={errorOf(field)} errorPrefix={t("errorPrefix")}>
          {levelRadios(field)}
        </FieldsetShell>
      ))}
      <FieldShell id="rating-comment" label={t("commentLabel")} hint={t("commentHint")} error={errorOf("comment")} errorPrefix={t("errorPrefix")}>
        <CommentBox defaultValue={values?.comment ?? ""} error={errorOf("comment")} />
      </FieldShell>
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}

/** The comment, which says how many characters are left once JavaScript runs. */
function CommentBox({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const t = useTranslations("rating");
  const hydrated = useHydrated();
  const [length, setLength] = useState([...defaultValue].length);
  return (
    <>
      <textarea
        id="rating-comment"
        name="comment"
        rows={4}
        maxLength={RATING_COMMENT_MAX}
        defaultValue={defaultValue}
        onChange={(event) => setLength([...event.target.value].length)}
        aria-describedby={describedBy("rating-comment", true, error)}
        aria-invalid={error ? true : undefined}
        className={inputClass(error)}
      />
      {hydrated ? (
        <p className="mt-1 text-muted">
          {t("charactersLeft", { count: Math.max(0, RATING_COMMENT_MAX - length) })}
        </p>
      ) : null}
    </>
  );
}
