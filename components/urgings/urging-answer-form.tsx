"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/forms/fields/common";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { URGING_ANSWER_MAX } from "@/lib/supervision/urging-rules";
import type { TErrorCode } from "@/server/errors";

export type TUrgingAnswerState = { error?: TErrorCode; answer?: string };

/**
 * The department's answer to an urging notice. A plain form post, so it works without JavaScript; a refusal comes
 * back with the answer as typed. Needs the `urgingAnswer` and `errors` messages.
 */
export function UrgingAnswerForm({ urgingId, answerAction }: { urgingId: string; answerAction: (state: TUrgingAnswerState, formData: FormData) => Promise<TUrgingAnswerState> }) {
  const t = useTranslations("urgingAnswer");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TUrgingAnswerState, FormData>(answerAction, {});
  const hydrated = useHydrated();
  const [length, setLength] = useState([...(state.answer ?? "")].length);
  const answerError = state.error ? te(state.error) : undefined;
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={answerError ? [{ href: "#answer", text: answerError }] : []} />
      <input type="hidden" name="urgingId" value={urgingId} />
      <FieldShell id="answer" label={t("answerLabel")} hint={t("answerHint", { max: URGING_ANSWER_MAX })} error={answerError} errorPrefix={t("errorPrefix")}>
        <textarea
          id="answer"
          name="answer"
          rows={6}
          maxLength={URGING_ANSWER_MAX}
          defaultValue={state.answer}
          onChange={(event) => setLength([...event.target.value].length)}
          aria-describedby={describedBy("answer", true, answerError)}
          aria-invalid={answerError ? true : undefined}
          className={inputClass(answerError)}
        />
        {hydrated ? <p className="mt-1 text-muted">{t("charactersLeft", { count: Math.max(0, URGING_ANSWER_MAX - length) })}</p> : null}
      </FieldShell>
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
