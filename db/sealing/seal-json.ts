/**
 * Answers at rest (cases.answers, drafts.answers, supplement_requests.answers) and a licence's data items: jsonb
 * documents whose personal parts are sealed one value at a time (seal.ts), so the rest stays plain jsonb.
 *
 * Two rules seal a value, and they work at two layers on purpose:
 * - the jsonb column type (db/schema/sealed-columns.ts) seals every string that holds a resident ID number or a
 *   mobile, wherever it stands — a field of its own, a prefilled name line, a number typed into a note, a group
 *   item — so no writer can forget it;
 * - a writer that knows the form seals the answers of sensitive fields whole, whatever their shape
 *   (sealSensitiveAnswers): the class is the definition's, which the column does not know.
 * On read the column type opens every sealed string, so use cases see answers as they were given.
 *
 * Inside a sealed string is JSON: a number, a date range or a string all come back as they went in.
 */
import type { TFormDefinition } from "@/lib/forms/definition";
import { listFields } from "@/lib/forms/definition";
import { isSensitive } from "@/lib/forms/data-class";
import { holdsPersonalNumber } from "@/lib/identifiers/mask";
import { isSealed, openJson, sealJson, SealedValueError } from "./seal";

/** Where answers are kept: one place for drafts, cases and supplements, since answers move between them. */
export const answersContext = "answers";

/** Whether a string is a value this server sealed for `context` (and not a typed text that merely looks like one). */
function isGenuineSeal(value: string, context: string): boolean {
  if (!isSealed(value)) return false;
  try {
    openJson(value, context);
    return true;
  } catch (error) {
    if (error instanceof SealedValueError || error instanceof SyntaxError) return false;
    throw error;
  }
}

/**
 * A jsonb document as it is stored: every string holding a personal number sealed, and every string that only
 * looks sealed (typed by someone) sealed too, so that reading it back gives the typed text, never an error.
 */
export function sealPersonalStrings(value: unknown, context: string): unknown {
  if (typeof value === "string") {
    if (isSealed(value)) return isGenuineSeal(value, context) ? value : sealJson(value, context);
    return holdsPersonalNumber(value) ? sealJson(value, context) : value;
  }
  if (Array.isArray(value)) return value.map((item) => sealPersonalStrings(item, context));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, sealPersonalStrings(item, context)]));
  }
  return value;
}

/** A stored jsonb document with every sealed string opened. */
export function openSealedStrings(value: unknown, context: string): unknown {
  if (typeof value === "string") return isSealed(value) ? openJson(value, context) : value;
  if (Array.isArray(value)) return value.map((item) => openSealedStrings(item, context));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, openSealedStrings(item, context)]));
  }
  return value;
}

function sealWhole(value: unknown): unknown {
  if (value === undefined || value === null) return value;
  return typeof value === "string" && isGenuineSeal(value, answersContext) ? value : sealJson(value, answersContext);
}

/**
 * The answers with those of sensitive fields sealed whole (and, in a group, each item's sensitive fields), ready
 * to be written. Called by every writer of answers with the form they answer; the rest is left to the column.
 */
export function sealSensitiveAnswers<T extends Record<string, unknown>>(definition: TFormDefinition, answers: T): T {
  const sealed: Record<string, unknown> = { ...answers };
  for (const field of listFields(definition)) {
    const value = sealed[field.key];
    if (value === undefined) continue;
    // A material's answer is references to files, which access checks find by id in SQL; the sensitive class seals
    // the file's bytes instead (server/materials/store-upload.ts).
    if (field.type === "material") continue;
    if (isSensitive(field)) {
      sealed[field.key] = sealWhole(value);
    } else if (field.type === "group" && Array.isArray(value) && field.fields.some(isSensitive)) {
      sealed[field.key] = value.map((item) => {
        if (typeof item !== "object" || item === null) return item;
        const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
        for (const itemField of field.fields) if (isSensitive(itemField) && copy[itemField.key] !== undefined) copy[itemField.key] = sealWhole(copy[itemField.key]);
        return copy;
      });
    }
  }
  return sealed as T;
}

/** A jsonb document as its sealed column would store it, for writers that bypass drizzle (the bulk loader's COPY-like inserts). */
export function storedJsonbText(value: unknown, context: string): string {
  return JSON.stringify(sealPersonalStrings(value, context));
}
