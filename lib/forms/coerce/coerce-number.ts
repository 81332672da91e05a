/** Numbers and money (yuan as typed, fen as stored). */
import type { TFieldOf } from "@/lib/forms/definition";
import { formatFen, parseYuan } from "@/lib/money";
import { accept, fail, keepPrimitive, readCode, type TOutcome, type TPrimitive } from "@/lib/forms/coerce/raw-values";

/** A decimal number as people type it; Number() alone would also accept "0x10", "Infinity" and "". */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function coerceNumber(field: TFieldOf<"number">, value: TPrimitive): TOutcome<number> {
  let number: number;
  if (typeof value === "number") {
    number = value;
  } else {
    const text = readCode(value);
    number = text !== null && decimalPattern.test(text) ? Number(text) + 0 : Number.NaN;
    if (!Number.isFinite(number)) return fail("not-a-number", keepPrimitive(value));
  }
  const keep = keepPrimitive(value);
  if (field.integer && !Number.isInteger(number)) return fail("not-an-integer", keep);
  if (field.min !== undefined && number < field.min) return fail("too-small", keep, { min: field.min });
  if (field.max !== undefined && number > field.max) return fail("too-large", keep, { max: field.max });
  if (field.step !== undefined) {
    // Counted from min (or 0), with a tolerance for binary fractions: 0.3 is a multiple of 0.1.
    const steps = (number - (field.min ?? 0)) / field.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9 * Math.max(1, Math.abs(steps))) return fail("not-a-step", keep, { step: field.step });
  }
  return accept(number);
}

/** A string is yuan as typed; a JSON number is already fen (what the API and a stored draft send). */
export function coerceMoney(field: TFieldOf<"money">, value: TPrimitive): TOutcome<number> {
  const keep = keepPrimitive(value);
  let fen: number;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return fail("money-too-precise", keep);
    if (!Number.isSafeInteger(value)) return fail("money-format", keep);
    fen = value;
  } else if (typeof value === "boolean") {
    return fail("money-format", keep);
  } else {
    const text = readCode(value);
    const parsed = text === null ? ({ ok: false, reason: "format" } as const) : parseYuan(text);
    if (!parsed.ok) return fail(parsed.reason === "precision" ? "money-too-precise" : "money-format", keep);
    fen = parsed.fen;
  }
  // Bounds are shown in yuan ("¥12.50"), the way the applicant typed the amount.
  if (field.min !== undefined && fen < field.min) return fail("too-small", keep, { min: formatFen(field.min, "zh-Hans") });
  if (field.max !== undefined && fen > field.max) return fail("too-large", keep, { max: formatFen(field.max, "zh-Hans") });
  return accept(fen);
}
