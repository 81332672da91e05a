"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { describedBy, FieldsetShell, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import type { TCounterFindState, TCounterRecordState } from "@/server/counter/counter-state";
import { RecordApplicantForm } from "./record-applicant-form";

type TStateAction<S> = (state: S, formData: FormData) => Promise<S>;

/**
 * The counter's first step (一窗受理): find the walk-in applicant by the number on their card. The number goes in the
 * post body; a found applicant opens at their opaque id, and one not on the register can be recorded right here,
 * the form starting from the number just searched. Plain posts: it works without JavaScript.
 */
export function FindApplicantForm({
  findAction,
  recordPersonAction,
  recordCompanyAction,
}: {
  findAction: TStateAction<TCounterFindState>;
  recordPersonAction: TStateAction<TCounterRecordState>;
  recordCompanyAction: TStateAction<TCounterRecordState>;
}) {
  const t = useTranslations("counter");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TCounterFindState, FormData>(findAction, {});
  const error = state.error ? te(state.error) : undefined;
  const kind = state.searched?.kind ?? state.notFound?.kind ?? "person";
  return (
    <>
      <section aria-labelledby="find-title" className="mb-8 border-2 border-line p-4 sm:p-6">
        <h2 id="find-title" className="mb-2 text-2xl font-bold">
          {t("findTitle")}
        </h2>
        <p className="mb-4">{t("findLead")}</p>
        {/* Keyed by what was searched, so a refused search shows again what was typed, to correct. */}
        <form key={JSON.stringify(state.searched ?? state.notFound ?? {})} action={action} autoComplete="off">
          <FieldsetShell id="find-kind" label={t("kindLegend")}>
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              {(["person", "company"] as const).map((value) => (
                <div key={value} className="flex items-center gap-2">
                  <input id={`find-kind-${value}`} type="radio" name="kind" value={value} defaultChecked={kind === value} className="size-6 cursor-pointer" />
                  <label htmlFor={`find-kind-${value}`} className="cursor-pointer">
                    {t(`kinds.${value}`)}
                  </label>
                </div>
              ))}
            </div>
          </FieldsetShell>
          <FieldShell id="find-number" label={t("numberLabel")} hint={t("numberHint")} error={error} errorPrefix={t("errorPrefix")}>
            <input
              id="find-number"
              name="number"
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={24}
              required
              defaultValue={state.searched?.number ?? state.notFound?.number ?? ""}
              aria-describedby={describedBy("find-number", true, error)}
              aria-invalid={error ? true : undefined}
              className={`${inputClass(error, { width: "max-w-[18em]" })} font-mono tracking-wider`}
            />
          </FieldShell>
          <Button disabled={pending}>{t("findButton")}</Button>
        </form>
      </section>
      {/* Always there, so a screen reader announces "not on the register" when it arrives without a page load. */}
      <p role="status" className={state.notFound ? "mb-4 text-xl font-semibold" : "sr-only"}>
        {state.notFound ? t(state.notFound.kind === "person" ? "notFoundPerson" : "notFoundCompany") : ""}
      </p>
      {state.notFound ? (
        <RecordApplicantForm
          key={`${state.notFound.kind}-${state.notFound.number}`}
          kind={state.notFound.kind}
          number={state.notFound.number}
          recordAction={state.notFound.kind === "person" ? recordPersonAction : recordCompanyAction}
        />
      ) : null}
    </>
  );
}
