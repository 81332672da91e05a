/**
 * Turns what a citizen posted into typed answers for a form definition, or per-field errors. The browser runs
 * it for instant feedback and the server runs it again as the authority, so it is pure and never throws on
 * any input: raw values may be HTML form strings ("yes", "12.5", "") or JSON-typed values, or junk.
 */
import { listFields, type TField, type TFormDefinition } from "@/lib/forms/definition";
import { evaluateRule } from "@/lib/forms/logic";
import { isIsoDate, toIsoDate } from "@/lib/calendar/working-days";
import { checkMobile } from "@/lib/identifiers/mobile";
import { checkResidentId } from "@/lib/identifiers/resident-id";

export type TAnswerValue = string | number | boolean;
export type TAnswers = Record<string, TAnswerValue>;
export type TFieldErrorCode =
  | "required"
  | "too-long"
  | "not-a-number"
  | "not-an-integer"
  | "too-small"
  | "too-large"
  | "invalid-date"
  | "date-too-early"
  | "date-too-late"
  | "invalid-option"
  | "invalid-mobile"
  | "invalid-id-number"
  | "invalid-id-checksum"
  | "invalid-yesno";
export type TFieldError = { code: TFieldErrorCode; params?: Record<string, string | number> };
export type TValidationResult =
  | { ok: true; answers: TAnswers }
  | { ok: false; errors: Record<string, TFieldError>; answers: TAnswers };

/** What one raw value became: nothing, a typed answer, or an error. */
type TCoercion = { kind: "absent" } | { kind: "value"; value: TAnswerValue } | { kind: "error"; error: TFieldError };

const absent: TCoercion = { kind: "absent" };
const fail = (code: TFieldErrorCode, params?: TFieldError["params"]): TCoercion =>
  params ? { kind: "error", error: { code, params } } : { kind: "error", error: { code } };
const accept = (value: TAnswerValue): TCoercion => ({ kind: "value", value });

/** A decimal number as people type it; Number() alone would also accept "0x10", "Infinity" and "". */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Strings as posted, numbers from JSON as their decimal text; anything else (objects, arrays …) is not text. */
function readText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** "today" or a YYYY-MM-DD bound; a malformed bound in a definition is ignored rather than rejecting everyone. */
function resolveDateBound(bound: string | undefined, today: string): string | undefined {
  if (bound === undefined) return undefined;
  if (bound === "today") return today;
  return isIsoDate(bound) ? bound : undefined;
}

function coerceNumber(field: Extract<TField, { type: "number" }>, value: unknown): TCoercion {
  let number: number;
  if (typeof value === "number") {
    number = value;
  } else if (typeof value === "string") {
    // NFKC: full-width digits and ． from Chinese input methods.
    const text = value.normalize("NFKC").trim();
    number = decimalPattern.test(text) ? Number(text) : Number.NaN;
  } else {
    return fail("not-a-number");
  }
  if (!Number.isFinite(number)) return fail("not-a-number");
  if (field.integer && !Number.isInteger(number)) return fail("not-an-integer");
  if (field.min !== undefined && number < field.min) return fail("too-small", { min: field.min });
  if (field.max !== undefined && number > field.max) return fail("too-large", { max: field.max });
  // Normalize -0 so the stored answer prints as "0".
  return accept(number === 0 ? 0 : number);
}

function coerceField(field: TField, value: unknown, today: string): TCoercion {
  if (isEmpty(value)) return absent;

  switch (field.type) {
    case "text":
    case "textarea": {
      const text = readText(value);
      // There is no "wrong type" for free text: a non-text value is simply not an answer.
      if (text === undefined) return absent;
      const trimmed = text.trim();
      // Count code points, as the database does, so one emoji or rare CJK character counts once.
      const length = [...trimmed].length;
      return length > field.maxLength ? fail("too-long", { max: field.maxLength }) : accept(trimmed);
    }
    case "number":
      return coerceNumber(field, value);
    case "date": {
      const text = readText(value)?.normalize("NFKC").trim();
      if (text === undefined || !isIsoDate(text)) return fail("invalid-date");
      const min = resolveDateBound(field.min, today);
      const max = resolveDateBound(field.max, today);
      if (min !== undefined && text < min) return fail("date-too-early", { min });
      if (max !== undefined && text > max) return fail("date-too-late", { max });
      return accept(text);
    }
    case "select": {
      const text = readText(value)?.trim();
      const option = field.options.find((candidate) => candidate.value === text);
      return option ? accept(option.value) : fail("invalid-option");
    }
    case "yesno": {
      if (typeof value === "boolean") return accept(value);
      const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
      if (text === "yes" || text === "true") return accept(true);
      if (text === "no" || text === "false") return accept(false);
      return fail("invalid-yesno");
    }
    case "phone": {
      const text = readText(value);
      const result = text === undefined ? undefined : checkMobile(text);
      return result?.ok ? accept(result.normalized) : fail("invalid-mobile");
    }
    case "id-number": {
      const text = readText(value);
      if (text === undefined) return fail("invalid-id-number");
      const result = checkResidentId(text, { today });
      if (result.ok) return accept(result.normalized);
      return fail(result.reason === "checksum" ? "invalid-id-checksum" : "invalid-id-number");
    }
  }
}

/** An invalid value as it was posted, so the form can show the citizen what they typed. */
function echoRaw(value: unknown): TAnswerValue | undefined {
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  return undefined;
}

type TResolvedForm = {
  visibleFields: TField[];
  answers: TAnswers;
  echoed: TAnswers;
  errors: Record<string, TFieldError>;
};

/**
 * Walks the fields in definition order. A field's show-when sees only the accepted answers of the visible
 * fields before it, so hiding a field also hides everything that depends on it, and a rule can never see a
 * value posted for a hidden field.
 */
function resolveForm(definition: TFormDefinition, raw: unknown, today: string): TResolvedForm {
  const posted = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const visibleFields: TField[] = [];
  const answers: TAnswers = {};
  const echoed: TAnswers = {};
  const errors: Record<string, TFieldError> = {};

  for (const field of listFields(definition)) {
    if (!evaluateRule(field.showWhen, answers)) continue;
    visibleFields.push(field);
    // Own properties only: a field called "constructor" must not read Object.prototype.constructor.
    const value = Object.hasOwn(posted, field.key) ? posted[field.key] : undefined;
    const coercion = coerceField(field, value, today);
    if (coercion.kind === "value") {
      answers[field.key] = coercion.value;
      echoed[field.key] = coercion.value;
    } else if (coercion.kind === "error") {
      errors[field.key] = coercion.error;
      const original = echoRaw(value);
      if (original !== undefined) echoed[field.key] = original;
    } else if (field.required) {
      errors[field.key] = { code: "required" };
    }
  }
  return { visibleFields, answers, echoed, errors };
}

export function validateAnswers(
  definition: TFormDefinition,
  raw: Record<string, unknown>,
  options: { today: string },
): TValidationResult {
  const { answers, echoed, errors } = resolveForm(definition, raw, options.today);
  if (Object.keys(errors).length === 0) return { ok: true, answers };
  return { ok: false, errors, answers: echoed };
}

/**
 * The fields a citizen should see for the answers so far — exactly the ones validateAnswers would validate.
 * Takes raw or already-typed answers. `today` only matters when a date field with a min/max controls another
 * field; it defaults to today in Beijing.
 */
export function listVisibleFields(
  definition: TFormDefinition,
  answers: Record<string, unknown>,
  options: { today?: string } = {},
): TField[] {
  return resolveForm(definition, answers, options.today ?? toIsoDate(new Date())).visibleFields;
}
