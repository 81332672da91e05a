/**
 * A problem in a form definition, as a code and its values, so the admin's editor can say it in the admin's language
 * (messages/*.json, adminForms.definitionIssues). The English `message` stays for logs and for problems found
 * elsewhere (bundle composition) that have no code yet.
 */
import type { z } from "zod";

export const definitionIssueCodes = [
  "type",
  "one-of",
  "too-small",
  "too-small-exclusive",
  "too-big",
  "too-big-exclusive",
  "format",
  "pattern",
  "key-format",
  "licence-source-format",
  "field-type",
  "no-match",
  "unknown-keys",
  "invalid",
  "logic-rule",
  "reserved-page-key",
  "duplicate-page-key",
  "duplicate-section-key",
  "duplicate-field-key",
  "duplicate-item-key",
  "duplicate-option",
  "page-uploads-too-large",
  "rule-field-missing",
  "max-below-min",
  "max-before-min",
  "max-items-below-min-items",
  "max-selected-below-min-selected",
  "too-deep",
  "invisible-character",
] as const;
export type TDefinitionIssueCode = (typeof definitionIssueCodes)[number];
export type TDefinitionIssueValues = Record<string, string | number>;

export type TDefinitionIssue = {
  /** Where in the JSON, as the author finds it: `pages[0].sections[1].key`. */
  path: string;
  /** English, for logs and tests. */
  message: string;
  code?: TDefinitionIssueCode;
  values?: TDefinitionIssueValues;
};

const isCode = (value: unknown): value is TDefinitionIssueCode => (definitionIssueCodes as readonly unknown[]).includes(value);

/**
 * The code and values of one issue of the meta-schema. A custom issue names its code in `params.issue` (its other
 * params are its values); a regular expression with a message of its own is named in `patterns` (by its source, as
 * zod reports it), since zod keeps no params for it.
 */
export function codeZodIssue(issue: z.core.$ZodIssue, patterns: ReadonlyMap<string, TDefinitionIssueCode>): { code: TDefinitionIssueCode; values?: TDefinitionIssueValues } {
  switch (issue.code) {
    case "invalid_type":
      return { code: "type", values: { expected: String(issue.expected) } };
    case "invalid_value":
      return { code: "one-of", values: { values: issue.values.map((value) => JSON.stringify(value)).join(", ") } };
    case "too_small":
      return { code: issue.inclusive === false ? "too-small-exclusive" : "too-small", values: { origin: issue.origin, minimum: Number(issue.minimum) } };
    case "too_big":
      return { code: issue.inclusive === false ? "too-big-exclusive" : "too-big", values: { origin: issue.origin, maximum: Number(issue.maximum) } };
    case "invalid_format": {
      if (issue.format !== "regex") return { code: "format", values: { format: issue.format } };
      const pattern = (issue as { pattern?: string }).pattern ?? "";
      return { code: patterns.get(pattern) ?? "pattern", values: { pattern } };
    }
    case "invalid_union": {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return { code: "field-type", values: { options: options.map((option) => String(option)).join(", ") } };
      return { code: "no-match" };
    }
    case "unrecognized_keys":
      return { code: "unknown-keys", values: { keys: issue.keys.join(", ") } };
    case "custom": {
      const { issue: code, ...values } = (issue.params ?? {}) as Record<string, string | number>;
      return isCode(code) ? { code, values } : { code: "invalid" };
    }
    default:
      return { code: "invalid" };
  }
}
