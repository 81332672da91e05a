/**
 * One problem of a form definition as the editor shows it, `path: message`, in the admin's language. A problem
 * without a code (bundle composition) keeps its English message.
 */
import { formatJsonPath, type TDefinitionIssue } from "@/lib/forms/definition";

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/** `t` is the "adminForms" translator; `bundleCode` names the bundle whose composition failed, if any. */
export function describeDefinitionIssue(issue: TDefinitionIssue, t: TTranslate, bundleCode?: string): string {
  const path = issue.path === formatJsonPath([]) ? t("wholeDefinition") : issue.path;
  const message = issue.code ? t(`definitionIssues.${issue.code}`, issue.values) : issue.message;
  return t("issue", { path: bundleCode ? `${bundleCode} → ${path}` : path, message });
}
