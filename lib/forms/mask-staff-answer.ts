/**
 * An answer as a staff page shows it (the desk's task page, a supplement's new answers, the counter's filed case):
 * masked by its data class (lib/forms/data-class.ts) until a clerk reveals it with a purpose.
 * - Personal numbers (resident ID, mobile) keep today's partial mask wherever they stand (maskPersonalAnswer), so
 *   an ID-number field, sensitive by default, still reads 3101**********4016.
 * - Any other answer of a sensitive field is hidden whole: a partial health condition, income or criminal record is
 *   still harmful, so nothing of it shows; the page says "hidden" in its place (hiddenAnswer).
 * - A group's item fields follow their own class; an item field without one takes a sensitive group's class.
 * - A sensitive material field's files are not hidden: the list names them only, and each opening is already a
 *   recorded view of its own (server/materials/).
 * The applicant's own pages do not use this: they show the applicant's own answers (maskPersonalAnswer only).
 */
import { dataClassOf, isSensitive } from "@/lib/forms/data-class";
import type { TField, TItemField } from "@/lib/forms/definition";
import { mapGroupItems, maskPersonalAnswer } from "@/lib/forms/mask-personal-answer";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { maskPersonalNumbers } from "@/lib/identifiers/mask";

/** Stands for an answer hidden whole: formatAnswer renders it as the reader's word for "hidden". */
export const hiddenAnswer: unique symbol = Symbol("hidden answer");
export type THiddenAnswer = typeof hiddenAnswer;

/** Fields whose answer is a personal number: masked in part (not hidden) whatever their class. */
function holdsPersonalNumber(field: TField | TItemField): boolean {
  const source = field.prefill?.source;
  return field.type === "id-number" || field.type === "phone" || source === "identity.idNumber" || source === "identity.mobile";
}

/** Whether the staff see none of this field's answer until it is revealed. */
export function hidesWhole(field: TField | TItemField): boolean {
  return isSensitive(field) && !holdsPersonalNumber(field) && field.type !== "material" && field.type !== "group";
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

/** An item field as it stands in its group: its own class, else a sensitive group's. */
function itemFieldIn(group: TField, itemField: TItemField): TItemField {
  return itemField.dataClass === undefined && dataClassOf(group) === "sensitive" ? { ...itemField, dataClass: "sensitive" } : itemField;
}

export function maskStaffAnswer(field: TField | TItemField, value: unknown): unknown {
  if (isEmpty(value)) return value;
  if (hidesWhole(field)) return hiddenAnswer;
  if (field.type === "group" && Array.isArray(value)) return mapGroupItems(field, value, (itemField, answer) => maskStaffAnswer(itemFieldIn(field, itemField), answer));
  return maskPersonalAnswer(field, value);
}

/**
 * One part of an answer that staff masking hides, as given: the field it answers (an item field within a group)
 * and its answer whole, where it stands ("Member 2 · ID number"; null for the answer itself).
 */
export type TMaskedPart = {
  where: { itemIndex: number; itemLabel: TLocalizedText; label: TLocalizedText } | null;
  field: TField | TItemField;
  value: unknown;
};

/**
 * The parts of an answer that maskStaffAnswer hides: what a clerk sees after revealing it with a purpose. Empty when
 * nothing of the answer is masked (nothing to reveal).
 */
export function listMaskedParts(field: TField | TItemField, value: unknown): TMaskedPart[] {
  if (isEmpty(value)) return [];
  if (hidesWhole(field)) return [{ where: null, field, value }];
  if (field.type === "group" && Array.isArray(value)) {
    return value.flatMap((item, itemIndex) => {
      if (typeof item !== "object" || item === null) return [];
      return field.fields.flatMap((itemField) =>
        listMaskedParts(itemFieldIn(field, itemField), (item as Record<string, unknown>)[itemField.key]).map((part) => ({
          where: { itemIndex, itemLabel: field.itemLabel, label: itemField.label },
          field: part.field,
          value: part.value,
        })),
      );
    });
  }
  if (typeof value === "string") return maskPersonalAnswer(field, value) === value ? [] : [{ where: null, field, value }];
  if (field.type === "address" && typeof value === "object" && !Array.isArray(value)) {
    const detail = (value as Record<string, unknown>).detail;
    return typeof detail === "string" && maskPersonalNumbers(detail) !== detail ? [{ where: null, field, value }] : [];
  }
  return [];
}
