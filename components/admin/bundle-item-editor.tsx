"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { localize, type Locale } from "@/lib/i18n/locales";
import type { TTriedRoute } from "@/server/bundles/try-bundle-routing";
import { RuleField } from "./bundle-add-item-form";
import { BundleRefusalText, type TBundleRefusalState } from "./bundle-refusal";

export type TBundleItemValues = { rule: string; dependsOn: string[]; excludeFields: string[]; answers: string };
export type TBundleItemEditorState = TBundleRefusalState & { values?: TBundleItemValues; routes?: TTriedRoute[] };

type TAction = (state: TBundleItemEditorState, formData: FormData) => Promise<TBundleItemEditorState>;
const fieldIds: Record<string, string> = { rule: "item-rule", dependsOn: "item-dependsOn", excludeFields: "item-excludeFields", answers: "item-answers" };

/**
 * One service of a bundle: its routing rule, what it waits for, the questions the bundle leaves out, and a "try it"
 * box of sample answers. One plain form whose two buttons post to the same server action ("try" or "save"), so it
 * works without JavaScript; the result of a try, or a refusal beside its field, comes back with what was typed.
 */
export function BundleItemEditor({
  action,
  initial,
  otherItems,
  ownFields,
}: {
  action: TAction;
  initial: TBundleItemValues;
  otherItems: { code: string; label: string }[];
  ownFields: { key: string; label: string }[];
}) {
  const t = useTranslations("adminBundles");
  const locale = useLocale() as Locale;
  const [state, formAction, pending] = useActionState<TBundleItemEditorState, FormData>(action, {});
  const values = state.values ?? initial;
  const field = state.error ? (state.field && fieldIds[state.field] ? state.field : "rule") : null;
  const error = (name: string) => (field === name ? <BundleRefusalText state={state} /> : null);
  const groupClass = (name: string) => `mb-6 min-w-0 ${field === name ? "border-l-4 border-danger pl-3 sm:pl-4" : ""}`;
  const errorLine = (name: string) =>
    field === name ? (
      <div id={`${fieldIds[name]}-error`} className="mt-1 font-semibold text-danger">
        <span className="sr-only">{t("errorPrefix")} </span>
        {error(name)}
      </div>
    ) : null;

  return (
    // Keyed by what was posted: after a try or a refusal the form is drawn afresh with what was typed and ticked.
    <form key={JSON.stringify(state.values ?? {})} action={formAction} noValidate className="mb-10">
      <ErrorSummary title={t("errorTitle")} errors={field ? [{ href: `#${fieldIds[field]}`, text: t(`errorAt.${field}` as "errorAt.rule") }] : []} />
      <RuleField id="item-rule" name="rule" label={t("fields.rule")} hint={t("ruleHint")} defaultValue={values.rule} error={error("rule")} errorPrefix={t("errorPrefix")} rows={6} />
      <div className={groupClass("dependsOn")}>
        <fieldset aria-describedby={["item-dependsOn-hint", field === "dependsOn" ? "item-dependsOn-error" : null].filter(Boolean).join(" ")} className="min-w-0">
          <legend id="item-dependsOn" tabIndex={-1} className="font-semibold">
            {t("fields.dependsOn")}
          </legend>
          <p id="item-dependsOn-hint" className="mt-1 text-muted">
            {t("dependsOnHint")}
          </p>
          {errorLine("dependsOn")}
          <div className="mt-2">
            {otherItems.length === 0 ? <p>{t("noOtherServices")}</p> : null}
            {otherItems.map((item) => (
              <label key={item.code} className="mb-2 flex items-start gap-2">
                <input type="checkbox" name="dependsOn" value={item.code} defaultChecked={values.dependsOn.includes(item.code)} className="mt-0.5 size-6 shrink-0" />
                <span>{item.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={groupClass("excludeFields")}>
        <fieldset aria-describedby={["item-excludeFields-hint", field === "excludeFields" ? "item-excludeFields-error" : null].filter(Boolean).join(" ")} className="min-w-0">
          <legend id="item-excludeFields" tabIndex={-1} className="font-semibold">
            {t("fields.excludeFields")}
          </legend>
          <p id="item-excludeFields-hint" className="mt-1 text-muted">
            {t("excludeFieldsHint")}
          </p>
          {errorLine("excludeFields")}
          <div className="mt-2 grid gap-x-6 sm:grid-cols-2">
            {ownFields.map((own) => (
              <label key={own.key} className="mb-2 flex items-start gap-2">
                <input type="checkbox" name="excludeFields" value={own.key} defaultChecked={values.excludeFields.includes(own.key)} className="mt-0.5 size-6 shrink-0" />
                <span className="break-words">
                  {own.label} <span className="font-mono text-sm text-muted">{own.key}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <section aria-labelledby="try-title" className="mb-6 border-l-8 border-line pl-4">
        <h2 id="try-title" className="mb-2 text-xl font-bold">
          {t("tryTitle")}
        </h2>
        <RuleField id="item-answers" name="answers" label={t("fields.answers")} hint={t("answersHint")} defaultValue={values.answers} error={error("answers")} errorPrefix={t("errorPrefix")} rows={6} />
        <Button name="intent" value="try" variant="secondary" disabled={pending}>
          {t("tryButton")}
        </Button>
        {state.routes ? (
          <div role="status" aria-labelledby="try-result-title" className="mt-4">
            <h3 id="try-result-title" className="mb-2 text-lg font-bold">
              {t("tryResultTitle")}
            </h3>
            <ul className="space-y-2">
              {state.routes.map((route) => (
                <li key={route.code} className={`border-l-4 pl-3 ${route.applies ? "border-go" : "border-line"}`}>
                  <span className="font-semibold">{route.applies ? t("reaches", { department: localize(route.department.name, locale) }) : t("notReached", { department: localize(route.department.name, locale) })}</span>
                  <span className="block">
                    {localize(route.name, locale)} <span className="font-mono text-sm text-muted">({route.code})</span>
                  </span>
                  <span className="block text-muted">
                    {t(`reasons.${route.reason}`)}
                    {route.tried ? ` ${t("triedRule")}` : ""}
                    {route.waitsFor.length ? ` ${t("waitsFor", { codes: route.waitsFor.join(", ") })}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <Button name="intent" value="save" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
