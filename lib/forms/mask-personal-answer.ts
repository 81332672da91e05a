/**
 * An answer as an applicant page shows it once it is no longer being typed (the tracker, a register-prefilled row
 * of the check page): personal numbers masked as /me/profile masks them, so a shared screen or a shoulder-surfer
 * learns nothing usable. Resident ID and mobile numbers are masked wherever they stand — their own field types
 * (id-number, phone), a field prefilled from the person's identity, inside a text the applicant typed, inside each
 * item of a group. The masking itself is lib/identifiers/mask.ts; this only knows where the numbers are. Staff pages
 * mask more, by the field's data class: lib/forms/mask-staff-answer.ts.
 */
import type { TField, TItemField } from "@/lib/forms/definition";
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
  if (field.type === "group" && Array.isArray(value)) return mapGroupItems(field, value, maskPersonalAnswer);
  return value;
}

/** A group's items with each answer passed through `map` with its item field (answers no item field asks kept as they are). */
export function mapGroupItems(group: Extract<TField, { type: "group" }>, items: unknown[], map: (itemField: TItemField, answer: unknown) => unknown): unknown[] {
  return items.map((item) => {
    if (typeof item !== "object" || item === null) return item;
    return Object.fromEntries(
      Object.entries(item as Record<string, unknown>).map(([key, answer]) => {
        const itemField = group.fields.find((candidate) => candidate.key === key);
        return [key, itemField ? map(itemField, answer) : answer];
      }),
    );
  });
}
