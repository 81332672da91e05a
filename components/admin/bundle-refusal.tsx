"use client";

import { useTranslations } from "next-intl";
import type { TDefinitionIssue } from "@/lib/forms/definition";
import type { TErrorCode } from "@/server/errors";

export type TBundleRefusalState = {
  error?: TErrorCode;
  /** The control the refusal is about: its error is shown beside it. */
  field?: string;
  /** What exactly: the operator, the unknown question, the circle of dependencies. */
  detail?: string;
  /** The composer's reasons when the applicant's form would not compose. */
  issues?: TDefinitionIssue[];
};

/** A refusal's words: the reason in the admin's language, then the detail and the composer's issues as found. */
export function BundleRefusalText({ state }: { state: TBundleRefusalState }) {
  const t = useTranslations("adminBundles");
  const te = useTranslations("errors");
  if (!state.error) return null;
  return (
    <>
      {te(state.error)}
      {state.detail ? <span className="block font-mono text-sm break-words">{t("detail", { detail: state.detail })}</span> : null}
      {state.issues?.length ? (
        <ul className="list-none text-sm break-words">
          {state.issues.map((issue, index) => (
            <li key={index}>{t("issue", { path: issue.path, message: issue.message })}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
