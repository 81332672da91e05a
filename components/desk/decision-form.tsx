"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { isPlainTextErrorCode } from "@/lib/text/plain-text";
import type { TTaskAction } from "@/lib/workflow/task-transitions";
import type { TErrorCode } from "@/server/errors";

export type TDecideState = { error?: TErrorCode; reason?: string };

/**
 * The clerk's decision on a task: a positive action (accept / approve) and a negative one (refuse / reject) that
 * must say why. Both carry the version the clerk saw, so a change made meanwhile is not overwritten.
 *
 * The service's reason templates (常用理由) are offered as a choice: picking one fills the reason box, where the
 * clerk may change the words. Without JavaScript the choice is posted as it is and used when the box is left empty
 * (the action's rule): it is text the clerk could have typed, so it is checked as typed text.
 */
export function DecisionForm({
  taskId,
  version,
  positive,
  negative,
  reasonTemplates = [],
  reasonLabel,
  decideAction,
}: {
  taskId: string;
  version: number;
  positive: TTaskAction;
  negative?: TTaskAction;
  /** The service's reason templates for the negative decision, in the reader's language. */
  reasonTemplates?: string[];
  /** The reason box's label when "reason" is not the word (an inspection's findings). */
  reasonLabel?: string;
  /** The page's server action. */
  decideAction: (state: TDecideState, formData: FormData) => Promise<TDecideState>;
}) {
  const t = useTranslations("desk");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TDecideState, FormData>(decideAction, {});
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const reasonError = state.error === "invalid:reason-required" || state.error === "invalid:reason-too-long" || isPlainTextErrorCode(state.error) ? te(state.error) : undefined;
  return (
    <form action={action} className="mb-8" noValidate>
      <ErrorSummary title={t("errorTitle")} errors={state.error ? [{ href: reasonError ? "#reason" : "#decision", text: te(state.error) }] : []} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      {negative ? (
        <div className={`mb-6 ${reasonError ? "border-l-4 border-danger pl-4" : ""}`}>
          <label htmlFor="reason" className="block font-semibold">
            {reasonLabel ?? t("reasonLabel")}
          </label>
          <p id="reason-hint" className="text-muted">
            {t(`reasonHint.${negative}`)}
          </p>
          {reasonError ? (
            <p id="reason-error" className="font-semibold text-danger">
              {reasonError}
            </p>
          ) : null}
          {reasonTemplates.length > 0 ? (
            <fieldset className="mb-3 min-w-0">
              <legend className="text-base font-semibold">{t("reasonTemplates")}</legend>
              <ul className="mt-1 space-y-2">
                {reasonTemplates.map((text, index) => (
                  <li key={index} className="flex items-start gap-3">
                    <input
                      type="radio"
                      id={`reason-template-${index}`}
                      name="reasonTemplate"
                      value={text}
                      className="mt-1 size-5 shrink-0 accent-brand"
                      onChange={() => {
                        if (reasonBox.current) reasonBox.current.value = text;
                      }}
                    />
                    <label htmlFor={`reason-template-${index}`} className="text-base">
                      {text}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ) : null}
          <textarea
            ref={reasonBox}
            id="reason"
            name="reason"
            rows={4}
            maxLength={1000}
            defaultValue={state.reason}
            aria-describedby={reasonError ? "reason-hint reason-error" : "reason-hint"}
            className={`block w-full max-w-xl border-2 ${reasonError ? "border-danger" : "border-ink"} px-2 py-1.5`}
          />
        </div>
      ) : null}
      <div id="decision" className="flex flex-wrap gap-4">
        <Button name="action" value={positive} disabled={pending}>
          {t(`actions.${positive}`)}
        </Button>
        {negative ? (
          <Button name="action" value={negative} variant="warning" disabled={pending}>
            {t(`actions.${negative}`)}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
