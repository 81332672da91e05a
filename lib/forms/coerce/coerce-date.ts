/** Dates and date ranges, with "today" or fixed bounds. */
import type { TDateRange } from "@/lib/forms/answers";
import type { TFieldOf } from "@/lib/forms/definition";
import { isIsoDate } from "@/lib/calendar/working-days";
import { absent, accept, fail, isBlank, isRecord, keepPrimitive, own, readCode, readPrimitive, type TContext, type TOutcome, type TPrimitive, type TRecord } from "@/lib/forms/coerce/raw-values";

/** "today" or a YYYY-MM-DD bound; a malformed bound in a definition is ignored rather than rejecting everyone. */
function resolveDateBound(bound: string | undefined, today: string): string | undefined {
  if (bound === undefined) return undefined;
  if (bound === "today") return today;
  return isIsoDate(bound) ? bound : undefined;
}

function readDate(value: TPrimitive): string | null {
  if (typeof value !== "string") return null;
  const text = readCode(value);
  return text !== null && isIsoDate(text) ? text : null;
}

export function coerceDate(field: TFieldOf<"date">, value: TPrimitive, context: TContext): TOutcome<string> {
  const date = readDate(value);
  const keep = keepPrimitive(value);
  if (date === null) return fail("invalid-date", keep);
  const min = resolveDateBound(field.min, context.today);
  const max = resolveDateBound(field.max, context.today);
  if (min !== undefined && date < min) return fail("date-too-early", keep, { min });
  if (max !== undefined && date > max) return fail("date-too-late", keep, { max });
  return accept(date);
}

/** Posted as { from, to } (inputs named `<key>.from` and `<key>.to`). */
export function coerceDateRange(field: TFieldOf<"date-range">, raw: unknown, context: TContext): TOutcome<TDateRange> {
  if (!isRecord(raw)) return absent;
  const from = readPrimitive(own(raw, "from"));
  const to = readPrimitive(own(raw, "to"));
  if (isBlank(from) && isBlank(to)) return absent;
  const keep: TRecord = {};
  if (!isBlank(from)) keep.from = keepPrimitive(from!);
  if (!isBlank(to)) keep.to = keepPrimitive(to!);
  if (isBlank(from) || isBlank(to)) return fail("range-incomplete", keep);
  const fromDate = readDate(from!);
  const toDate = readDate(to!);
  if (fromDate === null || toDate === null) return fail("invalid-date", keep);
  if (toDate < fromDate) return fail("range-end-before-start", keep);
  const min = resolveDateBound(field.min, context.today);
  const max = resolveDateBound(field.max, context.today);
  if (min !== undefined && fromDate < min) return fail("date-too-early", keep, { min });
  if (max !== undefined && toDate > max) return fail("date-too-late", keep, { max });
  return accept({ from: fromDate, to: toDate });
}
