/** Free text (text, textarea, and an address's street and number). */
import { checkPlainText, toStorableText } from "@/lib/text/plain-text";
import { absent, accept, capString, countCodePointsUpTo, fail, isBlank, readPrimitive, type TOutcome } from "@/lib/forms/coerce/raw-values";

/**
 * Free text, checked as all typed text is (lib/text/plain-text.ts): control characters refused, line breaks and tabs
 * only in a textarea (CRLF, as browsers post it, read as LF), bidi controls removed, trimmed, counted in code points
 * as the database does. A refused text is kept as typed (less a NUL, which jsonb cannot hold) to be shown again.
 */
export function coerceText(raw: unknown, maxLength: number, multiline: boolean): TOutcome<string> {
  const value = typeof raw === "string" ? raw : readPrimitive(raw);
  // There is no "wrong type" for free text: a boolean or an object is simply not an answer.
  if (typeof value === "boolean" || isBlank(value)) return absent;
  const typed = String(value);
  // No valid answer needs more than two UTF-16 units a character plus padding; longer is not even counted.
  if (typed.length > 2 * maxLength) return fail("too-long", toStorableText(capString(typed, 2 * maxLength + 1)), { max: maxLength });
  const checked = checkPlainText(typed, { multiline });
  if (!checked.ok) return fail(checked.code === "invalid:text-line-break" ? "line-break" : "control-character", toStorableText(typed));
  if (checked.text === "") return absent;
  if (countCodePointsUpTo(checked.text, maxLength) > maxLength) return fail("too-long", toStorableText(typed), { max: maxLength });
  return accept(checked.text);
}
