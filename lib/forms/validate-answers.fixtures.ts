/** Small one-page forms and ways to validate answers against them, for the form engine's tests. */
import { expect } from "vitest";
import { ZFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { validateAnswers, type TValidateOptions, type TValidationResult } from "@/lib/forms/validate-answers";
import { computeResidentIdCheckDigit } from "@/lib/identifiers/resident-id";
import { computeUsccCheckCharacter } from "@/lib/identifiers/uscc";
import type { TLocalizedText } from "@/lib/i18n/locales";

export const today = "2026-02-12";
export const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });
export const options = (...values: string[]) => values.map((value) => ({ value, label: text(value) }));

/** A one-page definition, parsed so that defaults (required: false, maxLength …) are filled in. */
export function defineForm(fields: Record<string, unknown>[], rules: Record<string, unknown>[] = []): TFormDefinition {
  const label = (field: Record<string, unknown>): Record<string, unknown> => ({
    label: text(String(field.key)),
    ...field,
    ...(Array.isArray(field.fields) ? { itemLabel: text("item"), fields: (field.fields as Record<string, unknown>[]).map(label) } : {}),
  });
  return ZFormDefinition.parse({
    schemaVersion: 1,
    pages: [{ key: "main", title: text("Main"), sections: [{ key: "only", fields: fields.map(label) }] }],
    rules: rules.map((rule) => ({ message: text(String(rule.key)), ...rule })),
  });
}

export function validate(definition: TFormDefinition, raw: Record<string, unknown>, extra: Partial<TValidateOptions> = {}): TValidationResult {
  return validateAnswers(definition, raw, { today, ...extra });
}

/** The error at `path`, asserting there is one. */
export function errorOf(definition: TFormDefinition, raw: Record<string, unknown>, path: string, extra: Partial<TValidateOptions> = {}) {
  const result = validate(definition, raw, extra);
  expect(result.ok, `expected an error at ${path}, got ${JSON.stringify(result.answers)}`).toBe(false);
  return result.errors[path];
}

export const residentId = (first17: string) => first17 + computeResidentIdCheckDigit(first17);
export const uscc = (first17: string) => first17 + computeUsccCheckCharacter(first17);
/** Replaces one character, for numbers that are one keystroke off. */
export const swapAt = (value: string, index: number, replacement: string) => value.slice(0, index) + replacement + value.slice(index + 1);

