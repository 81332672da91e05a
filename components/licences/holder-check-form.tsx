"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { THolderCheckState } from "@/server/licences/holder-check-state";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";

const inputId = "holder-id-number";

/**
 * /verify's "does this licence belong to the person in front of me?": a plain form post, so it works without
 * JavaScript; the answer (yes or no, in the reader's language) comes back in the response, never in the address.
 * The typed number is not shown again. Needs the `licenceHolderCheck` and `errors` messages.
 */
/** `checkAction`: the page's holder-check server action. */
export function HolderCheckForm({ licenceId, checkAction }: { licenceId: string; checkAction: (state: THolderCheckState, formData: FormData) => Promise<THolderCheckState> }) {
  const t = useTranslations("licenceHolderCheck");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<THolderCheckState, FormData>(checkAction, {});
  const error = state.error ? te(state.error) : undefined;
  return (
    <section aria-labelledby="holder-check-title" className="mb-8 border-2 border-line p-4 sm:p-6">
      <h2 id="holder-check-title" className="mb-2 text-2xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-4">{t("lead")}</p>
      <form action={action} autoComplete="off">
        <input type="hidden" name="licenceId" value={licenceId} />
        <FieldShell id={inputId} label={t("label")} hint={t("hint")} error={error} errorPrefix={t("errorPrefix")}>
          <input
            id={inputId}
            name="idNumber"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={24}
            required
            aria-describedby={describedBy(inputId, true, error)}
            aria-invalid={error ? true : undefined}
            className={`${inputClass(error, { width: "max-w-[16em]" })} font-mono tracking-wider`}
          />
        </FieldShell>
        <Button disabled={pending}>{t("button")}</Button>
      </form>
      {/* Always there, so a screen reader announces the answer when it arrives without a page load. */}
      <div role="status">
        {state.answer ? (
          <p className={`mt-4 border-l-8 p-4 font-semibold ${state.answer === "match" ? "border-go bg-[#e6f2ec]" : "border-danger bg-[#fbe9ea]"}`}>
            <span aria-hidden="true">{state.answer === "match" ? "✓ " : "✕ "}</span>
            {t(state.answer === "match" ? "match" : "noMatch")}
          </p>
        ) : null}
      </div>
    </section>
  );
}
