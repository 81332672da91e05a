"use client";

import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { describedBy, FieldShell, inputClass } from "@/components/forms/text-input";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import type { TApplicantKind } from "@/server/counter/find-applicant";
import type { TCounterRecordState } from "@/server/counter/counter-state";

type TField = { name: string; label: string; hint?: string; mono?: boolean; width?: string; maxLength: number; required: boolean; inputMode?: "numeric" | "tel" };

/**
 * Records a walk-in applicant who is not on the register with the minimum the counter needs: a person's name, ID
 * number and (optional) mobile; a company's credit code, name, legal representative, address and region. A duplicate
 * is refused and the existing record offered instead.
 */
export function RecordApplicantForm({ kind, number, recordAction }: { kind: TApplicantKind; number: string; recordAction: (state: TCounterRecordState, formData: FormData) => Promise<TCounterRecordState> }) {
  const t = useTranslations("counter");
  const te = useTranslations("errors");
  const [state, action, pending] = useActionState<TCounterRecordState, FormData>(recordAction, {});
  const fields: TField[] =
    kind === "person"
      ? [
          { name: "name", label: t("record.name"), maxLength: 50, required: true, width: "max-w-[16em]" },
          { name: "residentIdNumber", label: t("record.residentIdNumber"), mono: true, maxLength: 24, required: true, width: "max-w-[18em]" },
          { name: "mobile", label: t("record.mobile"), hint: t("record.mobileHint"), mono: true, maxLength: 20, required: false, width: "max-w-[12em]", inputMode: "tel" },
        ]
      : [
          { name: "uscc", label: t("record.uscc"), mono: true, maxLength: 24, required: true, width: "max-w-[18em]" },
          { name: "name", label: t("record.companyName"), maxLength: 100, required: true },
          { name: "legalRepresentative", label: t("record.legalRepresentative"), maxLength: 50, required: true, width: "max-w-[16em]" },
          { name: "address", label: t("record.address"), maxLength: 200, required: true },
          { name: "regionCode", label: t("record.regionCode"), hint: t("record.regionCodeHint"), mono: true, maxLength: 6, required: true, width: "max-w-[8em]", inputMode: "numeric" },
        ];
  const numberField = kind === "person" ? "residentIdNumber" : "uscc";
  const values = state.values ?? { [numberField]: number };
  const fieldErrors = state.fieldErrors ?? {};
  const summary = Object.entries(fieldErrors).map(([name, code]) => ({ href: `#record-${name}`, text: te(code) }));
  if (state.error && summary.length === 0) summary.push({ href: state.existingId ? "#record-existing" : "#record-submit", text: te(state.error) });
  return (
    <section aria-labelledby="record-title" className="mb-8 border-4 border-brand p-4 sm:p-6">
      <h2 id="record-title" className="mb-2 text-2xl font-bold">
        {t(kind === "person" ? "record.personTitle" : "record.companyTitle")}
      </h2>
      <p className="mb-4">{t(kind === "person" ? "record.personLead" : "record.companyLead")}</p>
      <ErrorSummary id="record-error-title" title={t("record.problem")} errors={summary} />
      {state.existingId ? (
        <p className="mb-6 border-l-4 border-brand pl-3">
          <Link id="record-existing" href={`/counter/applicants/${state.existingId}`} className="font-semibold">
            {t("record.openExisting")}
          </Link>
        </p>
      ) : null}
      <form key={JSON.stringify(values)} action={action} autoComplete="off">
        {fields.map((field) => {
          const id = `record-${field.name}`;
          const error = fieldErrors[field.name] ? te(fieldErrors[field.name]) : undefined;
          return (
            <FieldShell key={field.name} id={id} label={field.required ? field.label : `${field.label}${t("record.optional")}`} hint={field.hint} error={error} errorPrefix={t("errorPrefix")}>
              <input
                id={id}
                name={field.name}
                type="text"
                autoComplete="off"
                spellCheck={false}
                maxLength={field.maxLength}
                required={field.required}
                inputMode={field.inputMode}
                defaultValue={values[field.name] ?? ""}
                aria-describedby={describedBy(id, field.hint, error)}
                aria-invalid={error ? true : undefined}
                className={`${inputClass(error, { width: field.width })} ${field.mono ? "font-mono tracking-wider" : ""}`}
              />
            </FieldShell>
          );
        })}
        <p className="mb-4 text-muted">{t("record.noSignIn")}</p>
        <Button id="record-submit" disabled={pending}>
          {t(kind === "person" ? "record.personButton" : "record.companyButton")}
        </Button>
      </form>
    </section>
  );
}
