"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TDefinitionIssue, TFormDefinition } from "@/lib/forms/definition";
import type { Locale } from "@/lib/i18n/locales";
import type { TErrorCode } from "@/server/errors";
import type { TJsonSyntaxError } from "@/server/forms/check-definition-json";
import { describeDefinitionIssue } from "./describe-definition-issue";
import { DefinitionPreview } from "./definition-preview";

export type TDefinitionEditorState = {
  /** What the admin posted, shown again in the editor. */
  definitionJson?: string;
  error?: TErrorCode;
  issues?: TDefinitionIssue[];
  syntax?: TJsonSyntaxError;
  /** The bundle that would not compose. */
  bundleCode?: string;
  preview?: { definition: TFormDefinition; composed: TFormDefinition | null };
};

type TAction = (state: TDefinitionEditorState, formData: FormData) => Promise<TDefinitionEditorState>;

/**
 * The admin's JSON editor for a service form or a bundle's own questions: one plain form whose two buttons post
 * to the same server action ("preview" or "publish"), so it works without JavaScript. Problems come back in an
 * error summary (each issue as `path: message`) and beside the text area; a preview renders below.
 */
export function DefinitionEditor({ action, initialJson, baseVersion }: { action: TAction; initialJson: string; baseVersion: number }) {
  const t = useTranslations("adminForms");
  const te = useTranslations("errors");
  const locale = useLocale() as Locale;
  const [state, formAction, pending] = useActionState<TDefinitionEditorState, FormData>(action, {});

  const issues = [
    ...(state.syntax
      ? [
          state.syntax.line !== undefined
            ? t("issue", { path: t("jsonPosition", { line: state.syntax.line, column: state.syntax.column ?? 1 }), message: state.syntax.message })
            : state.syntax.message,
        ]
      : []),
    ...(state.issues ?? []).map((issue) => describeDefinitionIssue(issue, t, state.bundleCode)),
  ];
  const errors = state.error
    ? [{ href: "#definition", text: te(state.error) }, ...issues.map((text, index) => ({ href: `#definition-issue-${index}`, text }))]
    : [];
  const described = ["definition-hint", issues.length > 0 || state.error ? "definition-error" : null].filter(Boolean).join(" ");

  return (
    <>
      <form action={formAction} className="mb-8" noValidate>
        <ErrorSummary title={t("errorTitle")} errors={errors} />
        <input type="hidden" name="baseVersion" value={baseVersion} />
        <div className={`mb-6 ${state.error ? "border-l-4 border-danger pl-4" : ""}`}>
          <label htmlFor="definition" className="block font-semibold">
            {t("definitionLabel")}
          </label>
          <p id="definition-hint" className="text-muted">
            {t("definitionHint", { version: baseVersion })}
          </p>
          {state.error ? (
            <div id="definition-error" className="font-semibold text-danger">
              <p>{te(state.error)}</p>
              {issues.length > 0 ? (
                <ul className="list-none">
                  {issues.map((text, index) => (
                    <li key={index} id={`definition-issue-${index}`} className="break-words">
                      {text}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <textarea
            id="definition"
            name="definition"
            rows={24}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            defaultValue={state.definitionJson ?? initialJson}
            aria-describedby={described}
            aria-invalid={state.error ? true : undefined}
            className={`mt-1 block w-full border-2 ${state.error ? "border-danger" : "border-ink"} bg-white px-2 py-1.5 font-mono text-sm text-ink`}
          />
        </div>
        <div className="flex flex-wrap gap-4">
          <Button name="intent" value="preview" variant="secondary" disabled={pending}>
            {t("preview")}
          </Button>
          <Button name="intent" value="publish" disabled={pending}>
            {t("publish")}
          </Button>
        </div>
      </form>
      {state.preview ? (
        <section aria-labelledby="preview-title" className="mb-8">
          <h2 id="preview-title" className="mb-3 text-2xl font-bold">
            {t("previewTitle")}
          </h2>
          <p className="mb-2 font-semibold">{t("previewValid")}</p>
          {state.preview.composed ? <p className="mb-4">{t("previewComposedLead")}</p> : null}
          <DefinitionPreview definition={state.preview.composed ?? state.preview.definition} locale={locale} idPrefix="preview" />
        </section>
      ) : null}
    </>
  );
}
