"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { inputClass } from "@/components/forms/text-input";
import type { TErrorCode } from "@/server/errors";

export type TSupplementFormState = { error?: TErrorCode; note?: string; notes?: Record<string, string>; picked?: string[] };

/**
 * 一次性告知: the clerk ticks every field or material that is missing or wrong and says, for each, what to do — all
 * in one request. A plain form post, so it works without JavaScript; what was typed comes back on an error. Items are
 * grouped by the form page the applicant knows them from; an item's note box shows once it is ticked, by CSS alone
 * (`:has(:checked)`), so a long form stays short to scan and nothing depends on a script.
 */
export type TSupplementFieldGroup = { title: string; fields: { key: string; label: string; answer: React.ReactNode }[] };

/** `requestAction`: the page's server action. */
export function SupplementRequestForm({
  taskId,
  version,
  groups,
  requestAction,
}: {
  taskId: string;
  version: number;
  groups: TSupplementFieldGroup[];
  requestAction: (state: TSupplementFormState, formData: FormData) => Promise<TSupplementFormState>;
}) {
  const t = useTranslations("supplementRequest");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TSupplementFormState, FormData>(requestAction, {});
  const picked = new Set(state.picked ?? []);
  return (
    <form action={action} className="mb-8" noValidate>
      <ErrorSummary title={t("errorTitle")} errors={state.error ? [{ href: "#supplement-items", text: te(state.error) }] : []} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <fieldset id="supplement-items" className={`mb-6 min-w-0 ${state.error ? "border-l-4 border-danger pl-3" : ""}`} aria-describedby="supplement-items-hint">
        <legend className="font-semibold">{t("itemsLegend")}</legend>
        <p id="supplement-items-hint" className="mb-3 text-muted">
          {t("itemsHint")}
        </p>
        {groups.map((group, index) => (
          <section key={index} aria-labelledby={`supplement-group-${index}`} className="mb-6">
            <h3 id={`supplement-group-${index}`} className="mb-2 border-b-2 border-ink pb-1 text-lg font-bold">
              {group.title}
            </h3>
            <ul className="space-y-3">
              {group.fields.map((field) => (
                <li key={field.key} className="group border-b border-line pb-3">
                  <div className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      id={`item-${field.key}`}
                      name="item"
                      value={field.key}
                      defaultChecked={picked.has(field.key)}
                      aria-controls={`note-box-${field.key}`}
                      className="mt-1 size-6 shrink-0 accent-brand"
                    />
                    <label htmlFor={`item-${field.key}`} className="min-w-0">
                      <span className="font-semibold">{field.label}</span>
                      <span className="block text-base break-words text-muted">
                        {t("currentAnswer")} {field.answer}
                      </span>
                    </label>
                  </div>
                  <div id={`note-box-${field.key}`} className="mt-2 hidden pl-9 group-has-[:checked]:block">
                    <label htmlFor={`note-${field.key}`} className="block text-base">
                      {t("itemNote", { label: field.label })}
                    </label>
                    <textarea id={`note-${field.key}`} name={`note-${field.key}`} rows={2} maxLength={500} defaultValue={state.notes?.[field.key]} className={inputClass()} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </fieldset>
      <div className="mb-6">
        <label htmlFor="supplement-note" className="block font-semibold">
          {t("noteLabel")}
        </label>
        <p id="supplement-note-hint" className="text-muted">
          {t("noteHint")}
        </p>
        <textarea id="supplement-note" name="note" rows={3} maxLength={1000} defaultValue={state.note} aria-describedby="supplement-note-hint" className={inputClass()} />
      </div>
      <Button disabled={pending} variant="secondary">
        {t("submit")}
      </Button>
    </form>
  );
}
