/**
 * Data classes of answers, after GB/T 35273 (个人信息安全规范) and PIPL's minimum necessity:
 * - public: may be published (a company's name on 办件公示);
 * - internal: government working data, not personal (a business scope, a floor area);
 * - personal: identifies or reaches a person (a name, a mobile, an address, the materials they upload);
 * - sensitive: personal data whose leak can harm the person (an ID number, health, income, a criminal record).
 *
 * A form definition may set a field's class; unset, the field type decides. What follows from the class:
 * - sensitive answers are sealed at rest (AES-256-GCM, db/sealing/) and masked whole on staff pages
 *   until revealed with a purpose, which is recorded;
 * - personal and sensitive answers never reach a log line (the logger drops answers whole) or an open-data file.
 * Personal numbers (ID, mobile) are sealed and masked wherever they stand, whatever the field's class.
 */
import type { TField, TItemField } from "@/lib/forms/definition";

export const dataClasses = ["public", "internal", "personal", "sensitive"] as const;
export type TDataClass = (typeof dataClasses)[number];

/** The class of a field's answers: the definition's own, else the field type's. */
export function dataClassOf(field: TField | TItemField): TDataClass {
  if (field.dataClass) return field.dataClass;
  const source = field.prefill?.source;
  if (field.type === "id-number" || source === "identity.idNumber") return "sensitive";
  if (field.type === "phone" || field.type === "email" || field.type === "address" || field.type === "material") return "personal";
  if (source === "identity.name" || source === "identity.mobile") return "personal";
  return "internal";
}

/** Whether the answers of this class are kept from anyone without a need: masked on staff pages, sealed at rest. */
export function isSensitive(field: TField | TItemField): boolean {
  return dataClassOf(field) === "sensitive";
}
