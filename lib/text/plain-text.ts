/**
 * Plain text typed by a person — a comment, a reason, a note, a name, a form answer — checked the same way
 * everywhere before it reaches the database or another person's screen. Pure, so the browser can run it too.
 *
 * - NUL and the other control characters (C0 but tab and line breaks, DEL, C1) are refused with
 *   `invalid:text-control-character`: PostgreSQL refuses NUL in text and jsonb (a 500 before this), and the others
 *   are invisible (terminal escapes, form feeds, Word's vertical tab) — nobody means to send them, and quietly
 *   dropping them would change what was typed without saying so.
 * - Tabs and line breaks are kept in multi-line text (a comment's paragraphs; CRLF and CR become LF, as a textarea
 *   posts CRLF) and refused in one-line text with `invalid:text-line-break`: a holiday or file name with a line
 *   break breaks every list, table and document it is printed in.
 * - Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed, without a refusal: they make
 *   what others read show in another order than what is stored ("invoice\u202Efdp.exe" shows as "invoiceexe.pdf"),
 *   Chinese and English text never needs them, and nothing visible is lost.
 * - A lone surrogate (no browser posts one; a hand-made JSON body can) becomes U+FFFD: jsonb refuses it.
 * - Surrounding white space is trimmed; lengths count characters (code points), as PostgreSQL's char_length does.
 */
import { z } from "zod";

/** The refusals this module makes; server/errors.ts lists them among the typed error codes. */
export const plainTextErrorCodes = ["invalid:text-control-character", "invalid:text-line-break"] as const;
export type TPlainTextErrorCode = (typeof plainTextErrorCodes)[number];

/** Whether a refusal is about a text's characters, so a form shows it at the text's field. */
export function isPlainTextErrorCode(code: unknown): code is TPlainTextErrorCode {
  return (plainTextErrorCodes as readonly unknown[]).includes(code);
}

/** Every control character but tab, LF and CR: the rest of C0, DEL, and C1 (which includes NEL, U+0085). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** What breaks a line or a table cell: tab, LF, CR, and Unicode's line and paragraph separators. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export type TPlainTextOptions = {
  /** A textarea's text: tabs and line breaks allowed. Otherwise one line. */
  multiline?: boolean;
};

export type TPlainTextCheck = { ok: true; text: string } | { ok: false; code: TPlainTextErrorCode };

/** The text as it would be stored — cleaned and trimmed — or why it cannot be. */
export function checkPlainText(raw: string, options: TPlainTextOptions = {}): TPlainTextCheck {
  let text = raw.replace(LONE_SURROGATE, "\ufffd").replace(BIDI_CONTROLS, "");
  if (CONTROL.test(text)) return { ok: false, code: "invalid:text-control-character" };
  if (options.multiline) text = text.replace(/\r\n?/g, "\n");
  else if (LINE_BREAK.test(text.trim())) return { ok: false, code: "invalid:text-line-break" };
  return { ok: true, text: text.trim() };
}

/** Characters (code points) in `text`, as PostgreSQL's char_length counts them. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export type TPlainTextSchemaOptions<TCode extends string> = TPlainTextOptions & {
  /** Most characters (code points) after trimming. */
  max: number;
  /** The error code for text longer than `max`. */
  tooLong: TCode;
  /** The error code for empty text; without it, empty text (or none at all) is the empty string. */
  required?: TCode;
};

/**
 * One plain-text input (a string; anything else — a missing form field, a file posted in its place — reads as
 * empty): the text to store, or the error code of its first problem.
 */
export function readPlainText<TCode extends string>(
  value: unknown,
  options: TPlainTextSchemaOptions<TCode>,
): { ok: true; text: string } | { ok: false; code: TCode | TPlainTextErrorCode } {
  const checked = checkPlainText(typeof value === "string" ? value : "", options);
  if (!checked.ok) return checked;
  if (checked.text === "" && options.required) return { ok: false, code: options.required };
  if (countCharacters(checked.text) > options.max) return { ok: false, code: options.tooLong };
  return checked;
}

/** The zod schema of one plain-text input, for input schemas: each refusal's issue message is its error code. */
export function ZPlainText<TCode extends string>(options: TPlainTextSchemaOptions<TCode>) {
  // Optional before the transform: a missing object key reads as empty, rather than zod's "nonoptional" refusal.
  return z.unknown().optional().transform((value, context): string => {
    const read = readPlainText(value, options);
    if (read.ok) return read.text;
    context.addIssue({ code: "custom", message: read.code, input: value });
    return z.NEVER;
  });
}

/**
 * The first character in `text` that nobody types on purpose — a control character but tab and line breaks, a bidi
 * control, a lone surrogate — as "U+XXXX", or null. For text an author writes as data (a form definition), where
 * an invisible character is pointed at rather than removed.
 */
export function findHiddenCharacter(text: string): string | null {
  const match = new RegExp(`${CONTROL.source}|${BIDI_CONTROLS.source}|${LONE_SURROGATE.source}`).exec(text);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/**
 * A name we show but cannot ask about again — an uploaded file's name — made safe to show: path, control, line-break
 * and bidi characters removed rather than refused, cut to `max` characters; "" when nothing is left.
 */
export function toDisplayName(raw: string, options: { max: number }): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(LONE_SURROGATE, "\ufffd")
    .replace(BIDI_CONTROLS, "")
    .replace(new RegExp(`${CONTROL.source}|${LINE_BREAK.source}`, "g"), "")
    .trim();
  return [...cleaned].slice(0, options.max).join("").trim();
}

/**
 * Any posted string made storable in PostgreSQL text and jsonb, changing nothing else: NUL dropped, a lone
 * surrogate made U+FFFD. For values kept to be shown back (a draft's invalid answer), not for values accepted.
 */
export function toStorableText(raw: string): string {
  if (!/[\u0000\ud800-\udfff]/.test(raw)) return raw;
  return raw.replace(/\u0000/g, "").replace(LONE_SURROGATE, "\ufffd");
}
