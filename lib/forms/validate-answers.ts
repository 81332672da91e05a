/**
 * Turns what an applicant posted into typed answers for a form definition, or per-field errors. The browser runs
 * it for instant feedback and the server runs it again as the authority, so it is pure and never throws on any
 * input: raw values may be HTML form strings ("yes", "12.5", ""), nested objects from readFormData, JSON-typed
 * values from the API, or junk.
 *
 * Two rules keep it predictable:
 * - A value of the wrong shape for its field (an object where text is expected, a string where a date range
 *   {from, to} is expected, a number that is not finite) is not an answer: it is treated as not given.
 * - A string far longer than any valid answer (over twice a text field's maxLength, over 1000 characters for
 *   the others) is rejected without being parsed, and `keep` stores it cut just past that limit, so
 *   re-validating what a draft stored reports the same error.
 */
import type { TAnswerPath, TAnswers } from "@/lib/forms/answers";
import type { TField, TFormDefinition } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/field-error";
import { resolveForm, type TFormResolution, type TResolveOptions } from "@/lib/forms/resolve-form";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TRegionLookup } from "@/lib/regions/lookup-type";

export type { TAnswers, TAnswerPath, TAnswerValue } from "@/lib/forms/answers";
export type { TFieldError, TFieldErrorCode } from "@/lib/forms/field-error";

export type TValidationResult = {
  ok: boolean;
  /** Valid typed answers of the visible fields (a group only when every item is valid). */
  answers: TAnswers;
  /** What a draft stores: typed values where valid, values as posted (strings capped) where not. */
  keep: Record<string, unknown>;
  errors: Record<TAnswerPath, TFieldError>;
};

export type TValidateOptions = TResolveOptions & {
  /** Report only the errors of this page (and of cross-field rules shown on it); answers and keep stay whole. */
  pageKey?: string;
};

function pageErrors(resolution: TFormResolution, pageKey: string): Record<TAnswerPath, TFieldError> {
  const onPage = new Set<string>();
  for (const page of resolution.pages) {
    if (page.page.key !== pageKey) continue;
    for (const section of page.sections) for (const { field } of section.fields) onPage.add(field.key);
  }
  const errors: Record<TAnswerPath, TFieldError> = {};
  for (const [path, error] of Object.entries(resolution.errors)) {
    if (onPage.has(path.split(".")[0])) errors[path] = error;
  }
  return errors;
}

export function validateAnswers(definition: TFormDefinition, raw: Record<string, unknown>, options: TValidateOptions): TValidationResult {
  const resolution = resolveForm(definition, raw, options);
  const errors = options.pageKey === undefined ? resolution.errors : pageErrors(resolution, options.pageKey);
  return { ok: Object.keys(errors).length === 0, answers: resolution.answers, keep: resolution.keep, errors };
}

/**
 * The top-level fields an applicant should see for the answers so far — exactly the ones validateAnswers would
 * validate. Takes raw or already-typed answers. `today` only matters when a date field with a min/max controls
 * another field; it defaults to today in Beijing.
 */
export function listVisibleFields(
  definition: TFormDefinition,
  answers: Record<string, unknown>,
  options: { today?: string; regions?: TRegionLookup } = {},
): TField[] {
  const resolution = resolveForm(definition, answers, { today: options.today ?? toIsoDate(new Date()), regions: options.regions });
  return resolution.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.map(({ field }) => field)));
}
