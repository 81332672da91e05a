/** One posted value read as its field's type: the coercer for each kind of field, and the "required" error. */
import type { TField } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/field-error";
import { coerceCheckboxGroup, coerceDeclaration, coerceOption, coerceYesNo } from "@/lib/forms/coerce/coerce-choice";
import { coerceDate, coerceDateRange } from "@/lib/forms/coerce/coerce-date";
import { coerceIdentifier } from "@/lib/forms/coerce/coerce-identifier";
import { coerceMaterial } from "@/lib/forms/coerce/coerce-material";
import { coerceMoney, coerceNumber } from "@/lib/forms/coerce/coerce-number";
import { coerceAddress, coerceRegion } from "@/lib/forms/coerce/coerce-region";
import { coerceText } from "@/lib/forms/coerce/coerce-text";
import { absent, isBlank, readPrimitive, type TContext, type TOutcome } from "@/lib/forms/coerce/raw-values";

/** Every field type but a group. */
export function coerceField(field: TField, raw: unknown, context: TContext): TOutcome {
  switch (field.type) {
    case "text":
      return coerceText(raw, field.maxLength, false);
    case "textarea":
      return coerceText(raw, field.maxLength, true);
    case "date-range":
      return coerceDateRange(field, raw, context);
    case "checkbox-group":
      return coerceCheckboxGroup(field, raw);
    case "region":
      return coerceRegion(raw, field.level, context);
    case "address":
      return coerceAddress(field, raw, context);
    case "material":
      return coerceMaterial(field, raw);
    case "declaration":
      return coerceDeclaration(raw);
    case "group":
      return absent;
  }
  const value = readPrimitive(raw);
  if (isBlank(value)) return absent;
  switch (field.type) {
    case "number":
      return coerceNumber(field, value!);
    case "money":
      return coerceMoney(field, value!);
    case "date":
      return coerceDate(field, value!, context);
    case "select":
    case "radio":
      return coerceOption(field, value!);
    case "yesno":
      return coerceYesNo(value!);
    default:
      return coerceIdentifier(field, value!, context);
  }
}

/** A computed value as the field's type holds it: money is computed in fen, rounded to a whole fen. */
export function coerceComputed(field: TField, value: unknown, context: TContext): TOutcome {
  if (field.type === "money" && typeof value === "number" && Number.isFinite(value)) {
    return coerceField(field, Math.round(value) + 0, context);
  }
  return coerceField(field, value, context);
}

/** The error for a required question left unanswered, worded for how it is answered. */
export function requiredError(field: TField): TFieldError {
  switch (field.type) {
    case "select":
    case "radio":
    case "checkbox-group":
    case "yesno":
    case "region":
      return { code: "required-choice" };
    case "material":
      return { code: "material-required" };
    case "declaration":
      return { code: "declaration-required" };
    default:
      return { code: "required" };
  }
}
