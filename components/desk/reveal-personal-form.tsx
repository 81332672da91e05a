"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { inputClass } from "@/components/forms/text-input";
import type { TErrorCode } from "@/server/errors";

export type TRevealFormState = {
  error?: TErrorCode;
  picked?: string[];
  purpose?: string;
  note?: string;
  /** The answers, whole and as text, for this page view only: a reload shows them masked again. */
  revealed?: { label: string; parts: { where: string | null; value: string }[] }[];
};

/**
 * 查看完整信息: personal numbers on the desk are masked, sensitive answers hidden whole; a clerk ticks the answers they
 * need whole and says why. The reveal is recorded in the case's trail (the applicant sees it) and the answers show
 * here, once. A plain form post with useActionState, so it works without JavaScript too.
 */
export function RevealPersonalForm({
  taskId,
  fields,
  purposes,
  revealAction,
}: {
  taskId: string;
  fields: { key: string; label: string; masked: string }[];
  purposes: readonly string[];
  revealAction: (state: TRevealFormState, formData: FormData) => Promise<TRevealFormState>;
}) {
  const t = useTranslations("reveal");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TRevealFormState, FormData>(revealAction, {});
  const picked = new Set(state.picked ?? []);
  const errorTarget = state.error === "invalid:reveal-fields" ? "#reveal-fields" : state.error === "invalid:reveal-purpose" ? "#reveal-purpose" : "#reveal-note";
  return (
    <div className="mb-8">
      {state.revealed ? (
        <section role="status" aria-labelledby="revealed-title" className="mb-4 border-l-8 border-brand bg-panel p-4">
          <h3 id="revealed-title" className="text-lg font-bold">
            {t("revealedTitle")}
          </h3>
          <p className="mb-2 text-muted">{t("revealedLead")}</p>
          <dl>
            {state.revealed.flatMap((answer) =>
              answer.parts.map((part, index) => (
                <div key={`${answer.label}-${index}`} className="sm:flex sm:gap-2">
                  <dt className="font-semibold">{part.where ? `${answer.label} · ${part.where}` : answer.label}:</dt>
                  <dd className="font-mono break-all">{part.value}</dd>
                </div>
              )),
            )}
          </dl>
        </section>
      ) : null}
      <details className="border-2 border-line p-4" open={state.error ? true : undefined}>
        <summary className="cursor-pointer text-xl font-bold">{t("title")}</summary>
        <p className="my-3">{t("lead")}</p>
        <form action={action} noValidate>
          <ErrorSummary title={t("errorTitle")} errors={state.error ? [{ href: errorTarget, text: te(state.error) }] : []} />
          <input type="hidden" name="taskId" value={taskId} />
          <fieldset id="reveal-fields" className="mb-6 min-w-0">
            <legend className="font-semibold">{t("fieldsLegend")}</legend>
            <ul className="mt-2 space-y-2">
              {fields.map((field) => (
                <li key={field.key} className="flex items-start gap-3">
                  <input type="checkbox" id={`reveal-${field.key}`} name="field" value={field.key} defaultChecked={picked.has(field.key)} className="mt-1 size-6 shrink-0 accent-brand" />
                  <label htmlFor={`reveal-${field.key}`} className="min-w-0">
                    <span className="font-semibold">{field.label}</span> <span className="font-mono break-all text-muted">{field.masked}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset id="reveal-purpose" className="mb-6 min-w-0">
            <legend className="font-semibold">{t("purposeLegend")}</legend>
            <ul className="mt-2 space-y-2">
              {purposes.map((purpose) => (
                <li key={purpose} className="flex items-start gap-3">
                  <input type="radio" id={`reveal-purpose-${purpose}`} name="purpose" value={purpose} defaultChecked={state.purpose === purpose} className="mt-1 size-6 shrink-0 accent-brand" />
                  <label htmlFor={`reveal-purpose-${purpose}`}>{t(`purpose.${purpose}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mb-6">
            <label htmlFor="reveal-note" className="block font-semibold">
              {t("noteLabel")}
            </label>
            <p id="reveal-note-hint" className="text-muted">
              {t("noteHint")}
            </p>
            <textarea id="reveal-note" name="note" rows={2} maxLength={200} defaultValue={state.note} aria-describedby="reveal-note-hint" className={inputClass()} />
          </div>
          <Button disabled={pending} variant="secondary">
            {t("submit")}
          </Button>
        </form>
      </details>
    </div>
  );
}
