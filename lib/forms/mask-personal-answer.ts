/**
 * An answer as an applicant page shows it once it is no longer being typed (the tracker, a register-prefilled row
 * of the check page): personal numbers masked as /me/profile masks them, so a shared screen or a shoulder-surfer
 * learns nothing usable. Resident ID and mobile numbers are masked wherever they stand — their own field types
 * (id-number, phone), a field prefilled from the person's identity, inside a text the applicant typed, inside each
 * item of a group. The masking itself is lib/identifiers/mask.ts; this only knows where the numbers are.
 */
import type { TField, TItemField } from "@/lib/forms/definition";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { maskIdentifier, maskMobile, maskPersonalNumbers } from "@/lib/identifiers/mask";

export function maskPersonalAnswer(field: TField | TItemField, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  const source = field.prefill?.source;
  if (typeof value === "string") {
    if (field.type === "id-number" || source === "identity.idNumber") return maskIdentifier(value);
    if (field.type === "phone" || source === "identity.mobile") return maskMobile(value);
    if (field.type === "text" || field.type === "textarea") return maskPersonalNumbers(value);
    return value;
  }
  if (field.type === "address" && typeof value === "object" && !Array.isArray(value)) {
    const address = value as Record<string, unknown>;
    return typeof address.detail === "string" ? { ...address, detail: maskPersonalNumbers(address.detail) } : value;
  }
  if (field.type === "group" && Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item !== "object" || item === null) return item;
      const answers = item as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(answers).map(([key, answer]) => {
          const itemField = field.fields.find((candidate) => candidate.key === key);
          return [key, itemField ? maskPersonalAnswer(itemField, answer) : answer];
        }),
      );
    });
  }
  return value;
}

/** One personal number an answer holds, where in the answer it stands ("Member 2 · ID number"; "" for the answer itself). */
export type TPersonalPart = { where: { itemIndex: number; itemLabel: TLocalizedText; label: TLocalizedText } | null; value: string };

/**
 * The parts of an answer that masking hides, as given: what a clerk sees after revealing it with a purpose. Empty
 * when the answer holds no personal number (nothing to reveal).
 */
export function listPersonalParts(field: TField | TItemField, value: unknown): TPersonalPart[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return maskPersonalAnswer(field, value) === value ? [] : [{ where: null, value }];
  if (field.type === "address" && typeof value === "object" && !Array.isArray(value)) {
    const detail = (value as Record<string, unknown>).detail;
    return typeof detail === "string" && maskPersonalNumbers(detail) !== detail ? [{ where: null, value: detail }] : [];
  }
  if (field.type === "group" && Array.isArray(value)) {
    return value.flatMap((item, itemIndex) => {
      if (typeof item !== "object" || item === null) return [];
      return field.fields.flatMap((itemField) =>
        listPersonalParts(itemField, (item as Record<string, unknown>)[itemField.key]).map((part) => ({
          where: { itemIndex, itemLabel: field.itemLabel, label: itemField.label },
          value: part.value,
        })),
      );
    });
  }
  return [];
}
