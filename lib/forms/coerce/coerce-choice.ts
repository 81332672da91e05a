/** Answers chosen from what the form offers: an option, several boxes, yes or no, a declaration. */
import type { TFieldOf } from "@/lib/forms/definition";
import { absent, accept, fail, isBlank, keepPrimitive, maxRawEntries, readCode, readPrimitive, type TOutcome, type TPrimitive } from "@/lib/forms/coerce/raw-values";

export function coerceOption(field: TFieldOf<"select" | "radio">, value: TPrimitive): TOutcome<string> {
  const text = readCode(value);
  const option = text === null ? undefined : field.options.find((candidate) => candidate.value === text);
  return option ? accept(option.value) : fail("invalid-option", keepPrimitive(value));
}

/** One value (a single ticked box posts a string) or several; answered in the options' order, without repeats. */
export function coerceCheckboxGroup(field: TFieldOf<"checkbox-group">, raw: unknown): TOutcome<string[]> {
  const list = Array.isArray(raw) ? raw : [raw];
  const posted: TPrimitive[] = [];
  for (const entry of list.slice(0, maxRawEntries + 1)) {
    const value = readPrimitive(entry);
    if (!isBlank(value)) posted.push(value!);
  }
  if (posted.length === 0) return absent;
  const keep = posted.map((value) => keepPrimitive(value));
  if (posted.length > maxRawEntries) return fail("invalid-option", keep);
  const chosen = new Set<string>();
  for (const value of posted) {
    const text = readCode(value);
    if (text === null || !field.options.some((option) => option.value === text)) return fail("invalid-option", keep);
    chosen.add(text);
  }
  const values = field.options.filter((option) => chosen.has(option.value)).map((option) => option.value);
  if (field.minSelected !== undefined && values.length < field.minSelected) return fail("too-few-selected", keep, { min: field.minSelected });
  if (field.maxSelected !== undefined && values.length > field.maxSelected) return fail("too-many-selected", keep, { max: field.maxSelected });
  return accept(values);
}

export function coerceYesNo(value: TPrimitive): TOutcome<boolean> {
  if (typeof value === "boolean") return accept(value);
  const text = readCode(value)?.toLowerCase();
  if (text === "yes" || text === "true") return accept(true);
  if (text === "no" || text === "false") return accept(false);
  return fail("invalid-yesno", keepPrimitive(value));
}

/** A declaration is a ticked box: "yes", "on" (a checkbox without a value), "true" or true. */
export function coerceDeclaration(raw: unknown): TOutcome<true> {
  const value = readPrimitive(raw);
  if (value === true) return accept(true);
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  return text === "yes" || text === "on" || text === "true" ? accept(true) : absent;
}
