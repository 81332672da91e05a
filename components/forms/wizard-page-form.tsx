"use client";

/**
 * One page of the wizard. Without JavaScript it is a plain form post to the page's server action (which saves the
 * draft and moves on); with it, fields show and hide as the applicant answers — by the same evaluator the server
 * uses — errors update as they are fixed, and the page autosaves a moment after each change.
 */
import { startTransition, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TWizardState } from "@/components/forms/wizard-state";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TFormDefinition } from "@/lib/forms/definition";
import { resolveFormLayout } from "@/lib/forms/layout";
import { readFormData } from "@/lib/forms/read-form-data";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { localize } from "@/lib/i18n/locales";
import { describeFieldError } from "./describe-field-error";
import { fieldId, FormField, type TFieldContext } from "./form-field";

const autosaveDelayMs = 1500;

export function WizardPageForm({
  definition,
  pageKey,
  values,
  today,
  isFirstPage,
  context,
  action,
}: {
  definition: TFormDefinition;
  pageKey: string;
  /** The whole draft's answers (this page's and the others', which rules on this page may read). */
  values: Record<string, unknown>;
  today: string;
  isFirstPage: boolean;
  context: Omit<TFieldContext, "errorFor">;
  action: (state: TWizardState, formData: FormData) => Promise<TWizardState>;
}) {
  const t = useTranslations("wizard");
  const tf = useTranslations("formErrors");
  const tu = useTranslations("uploadErrors");
  const te = useTranslations("errors");
  const tform = useTranslations("form");
  const [state, formAction, pending] = useActionState(action, {});
  const formRef = useRef<HTMLFormElement>(null);
  const [live, setLive] = useState<Record<string, unknown> | null>(null);
  const [lastSaved, setLastSaved] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  // After a post the form is reset to the (fresh) saved answers; what was read from it before is stale.
  useEffect(() => setLive(null), [state]);

  const current = live ?? values;
  const layout = useMemo(() => resolveFormLayout(definition, current, { today }), [definition, current, today]);
  const page = definition.pages.find((candidate) => candidate.key === pageKey)!;
  const visible = layout.pages.find((entry) => entry.page.key === pageKey);
  const visibleFieldKeys = new Set(visible?.sections.flatMap((entry) => entry.fields.map((field) => field.key)) ?? []);
  const visibleSectionKeys = new Set(visible?.sections.map((entry) => entry.section.key) ?? []);

  // After a failed "continue", errors follow the answers as they change; upload refusals stay until the next post.
  const serverErrors = state.fieldErrors ?? {};
  const errors = useMemo(() => {
    if (live === null || Object.keys(serverErrors).length === 0) return serverErrors;
    const again = validateAnswers(definition, live, { today, pageKey }).errors;
    const uploads = Object.fromEntries(Object.entries(serverErrors).filter(([, error]) => error.code.startsWith("file-") || error.code === "too-many-files"));
    return { ...again, ...uploads };
  }, [definition, live, serverErrors, today, pageKey]);

  const describe = (path: string) => {
    const error = errors[path];
    return error ? describeFieldError({ definition, path, error, locale: context.locale, tf, tu, todayWord: tform("today") }) : undefined;
  };
  const summary = [
    ...(state.formError ? [{ href: "#wizard-actions", text: te(state.formError) }] : []),
    ...Object.keys(errors).map((path) => ({ href: `#${fieldId(path)}`, text: describe(path)! })),
  ];

  function readLive(): Record<string, unknown> | null {
    if (!formRef.current) return null;
    const posted = readFormData(new FormData(formRef.current).entries(), { ignore: (name) => name === "intent" });
    const merged: Record<string, unknown> = { ...values };
    for (const section of page.sections) {
      for (const field of section.fields) {
        if (field.type === "material") continue; // files are not answers until the server has stored them
        // A locked value is the register's, whatever the page posts (a masked one posts nothing).
        if (context.prefilled[field.key]?.locked) continue;
        // A field hidden until now was not in the form: keep its saved or prefilled value for when it appears.
        if (!visibleFieldKeys.has(field.key) || !visibleSectionKeys.has(section.key)) continue;
        if (posted[field.key] === undefined) delete merged[field.key];
        else merged[field.key] = posted[field.key];
      }
    }
    return merged;
  }

  function onChange() {
    setLive(readLive());
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(autosave, autosaveDelayMs);
  }

  function autosave() {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    for (const [name, value] of [...data.entries()]) if (typeof value !== "string") data.delete(name);
    data.set("intent", "autosave");
    startTransition(async () => {
      const result = await action({}, data);
      if (result.savedAt) setLastSaved(result.savedAt);
    });
  }

  const savedText = lastSaved
    ? t("autosaved", { time: new Intl.DateTimeFormat(context.locale === "en" ? "en-GB" : context.locale, { timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(lastSaved)) })
    : "";

  return (
    <form ref={formRef} action={formAction} onChange={onChange} noValidate>
      {/* Enter in a text box presses the form's first submit button: make that "continue", not "remove item". */}
      <button type="submit" name="intent" value="next" className="sr-only" tabIndex={-1} aria-hidden="true" />
      <ErrorSummary title={tform("errorTitle")} errors={summary} />
      {page.sections.map((section) => {
        const sectionShown = visibleSectionKeys.has(section.key);
        const body = (
          <fieldset key={section.key} className="mb-8 min-w-0">
            {section.title ? <legend className="mb-4 border-b-2 border-line pb-1 text-xl font-bold">{localize(section.title, context.locale)}</legend> : null}
            {section.fields.map((field) => {
              const rendered = (
                <FormField key={field.key} field={field} value={current[field.key]} context={{ ...context, errorFor: describe }} />
              );
              if (sectionShown && visibleFieldKeys.has(field.key)) return rendered;
              // Hidden by a rule. Without JavaScript nothing can reveal it, so offer it with a note instead;
              // the server drops the answer if the rule keeps it hidden.
              return live === null ? (
                <noscript key={field.key}>
                  <p className="mb-2 text-muted">{tform("onlyIfApplies")}</p>
                  {rendered}
                </noscript>
              ) : null;
            })}
          </fieldset>
        );
        return sectionShown || live === null ? body : null;
      })}
      <div id="wizard-actions" className="flex flex-wrap items-center gap-4">
        <Button name="intent" value="next" disabled={pending} className="text-xl">
          {t("continue")}
        </Button>
        <Button name="intent" value="back" variant="secondary" formNoValidate disabled={pending}>
          {isFirstPage ? t("backToStart") : t("back")}
        </Button>
        <button type="submit" name="intent" value="save" formNoValidate disabled={pending} className="cursor-pointer text-link underline">
          {t("saveForLater")}
        </button>
      </div>
      <p className="mt-4 text-muted" role="status" aria-live="polite">
        {savedText}
      </p>
    </form>
  );
}
