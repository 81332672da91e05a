"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/forms/fields/common";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { URGING_MESSAGE_MAX } from "@/lib/supervision/urging-rules";
import { isPlainTextErrorCode } from "@/lib/text/plain-text";
import type { TErrorCode } from "@/server/errors";

export type TUrgingFormState = { error?: TErrorCode; message?: string; deadline?: string };

const messageErrors = new Set<string>(["invalid:urging-message-required", "invalid:urging-message-too-long"]);

/**
 * A supervisor's urging notice (督办): the message and the day the answer is due. A plain form post, so it works
 * without JavaScript; a refusal comes back with what was typed, the error beside its field. Needs the `urgingForm`
 * and `errors` messages.
 */
export function UrgingForm({
  kind,
  subjectId,
  defaultDeadline,
  earliest,
  latest,
  sendAction,
}: {
  kind: "task" | "follow-up";
  subjectId: string;
  /** Suggested: a few working days ahead. */
  defaultDeadline: string;
  earliest: string;
  latest: string;
  sendAction: (state: TUrgingFormState, formData: FormData) => Promise<TUrgingFormState>;
}) {
  const t = useTranslations("urgingForm");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TUrgingFormState, FormData>(sendAction, {});
  const hydrated = useHydrated();
  const [length, setLength] = useState([...(state.message ?? "")].length);
  const messageError = state.error && (messageErrors.has(state.error) || isPlainTextErrorCode(state.error)) ? te(state.error) : undefined;
  const deadlineError = state.error?.startsWith("invalid:urging-deadline") ? te(state.error) : undefined;
  return (
    <form action={action} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={state.error ? [{ href: deadlineError ? "#deadline" : "#message", text: te(state.error) }] : []} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="subjectId" value={subjectId} />
      <FieldShell id="message" label={t("messageLabel")} hint={t("messageHint", { max: URGING_MESSAGE_MAX })} error={messageError} errorPrefix={t("errorPrefix")}>
        <textarea
          id="message"
          name="message"
          rows={5}
          maxLength={URGING_MESSAGE_MAX}
          defaultValue={state.message}
          onChange={(event) => setLength([...event.target.value].length)}
          aria-describedby={describedBy("message", true, messageError)}
          aria-invalid={messageError ? true : undefined}
          className={inputClass(messageError)}
        />
        {hydrated ? <p className="mt-1 text-muted">{t("charactersLeft", { count: Math.max(0, URGING_MESSAGE_MAX - length) })}</p> : null}
      </FieldShell>
      <FieldShell id="deadline" label={t("deadlineLabel")} hint={t("deadlineHint")} error={deadlineError} errorPrefix={t("errorPrefix")}>
        <input
          id="deadline"
          name="deadline"
          type="date"
          min={earliest}
          max={latest}
          defaultValue={state.deadline ?? defaultDeadline}
          aria-describedby={describedBy("deadline", true, deadlineError)}
          aria-invalid={deadlineError ? true : undefined}
          className={inputClass(deadlineError, { width: "max-w-[12em]" })}
        />
      </FieldShell>
      <Button disabled={pending}>{t("submit")}</Button>
    </form>
  );
}
