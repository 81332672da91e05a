/**
 * Hostile values for property tests (fast-check): what an attacker or a broken client may put where a server action
 * or a route handler expects a short string — control characters, bidi overrides, huge strings, SQL and path tricks,
 * malformed ids, case numbers, cursors and numbers, lone surrogates, wrong types, repeated fields, files where text is
 * expected. Each arbitrary mixes them with near-valid ones (the valid value with something added), so a run can get
 * past the first check and into the use case.
 */
import fc from "fast-check";

const controlCharacters = [
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)),
  "\u007f",
  ...Array.from({ length: 32 }, (_, code) => String.fromCharCode(0x80 + code)),
];
const bidiControls = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const invisible = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"];

/** Ordinary text an applicant might type, to carry the hostile parts. */
const plain = fc.constantFrom("", "a", "张三", "一门小馆", "Hello world", "不再需要", "123", " ");

function sprinkled(alphabet: readonly string[]) {
  return fc.array(fc.oneof(plain, fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
}

/** Strings far over any limit: 10 kB to 1.5 MB of one character or a few repeated. */
const huge = fc
  .tuple(fc.integer({ min: 10_000, max: 1_500_000 }), fc.constantFrom("a", "字", "\u0000", "😀", "<script>", "%00", "a\u202e"))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

const injections = fc.constantFrom(
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; select pg_sleep(5)",
  "\\",
  "'",
  '"',
  "%",
  "_",
  "$1",
  "$$",
  "${7*7}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  '{"__proto__":{"admin":true}}',
  "[]",
  "{}",
  "null",
  "undefined",
  "true",
);
const traversals = fc.constantFrom("../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "....//....//", "/etc/passwd\u0000.png", "//evil.example", "\\\\evil.example\\share", "file:///etc/passwd", "C:\\boot.ini", "CON", "a/../../b");
const malformedIds = fc.oneof(
  fc.uuid().map((id) => `${id.slice(0, 35)}g`),
  fc.uuid().map((id) => id.slice(0, 35)),
  fc.uuid().map((id) => `${id}0`),
  fc.uuid().map((id) => `{${id}}`),
  fc.uuid().map((id) => id.replaceAll("-", "")),
  fc.uuid().map((id) => ` ${id} `),
  fc.uuid(),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "-", "0", "1", "uuid"),
);
const caseNumbers = fc.oneof(
  fc.stringMatching(/^OD\d{0,30}$/),
  fc.constantFrom("OD", "OD-1", "od20260101000001", "OD20261301000001", "OD2026010100000１", "OD20260101000001/../x"),
);
const cursors = fc.oneof(
  fc.base64String({ maxLength: 120 }),
  fc.string({ maxLength: 60 }).map((text) => Buffer.from(text).toString("base64url")),
  fc.constantFrom("2026-13-45T99:99:99Z|x", "1e400|x", "|", "2026-01-01T00:00:00.000Z|not-a-uuid", "NaN|NaN", "-1", "9999-12-31T23:59:59.999Z|00000000-0000-0000-0000-000000000000"),
  fc.tuple(fc.date({ noInvalidDate: false }), fc.string({ maxLength: 40 })).map(([date, tail]) => `${Number.isNaN(date.getTime()) ? "Invalid" : date.toISOString()}|${tail}`),
);
const numbers = fc.oneof(
  fc.constantFrom("-1", "0", "-0", "1e309", "1e-400", "NaN", "Infinity", "-Infinity", "9007199254740993", "0x1F", "0b11", " 7 ", "７", "٣", "1,000", "2.5", "1_000", "00000000000000000000001", "+5"),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map(String),
);
const dates = fc.constantFrom("2026-02-30", "0000-00-00", "99999-01-01", "2026-1-1", "2026/01/01", "today", "2026-01-01T00:00:00Z", "1900-01-01", "2100-12-31");
const unicode = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\ud800", "\udfff", "a\ud800b", "\uffff", "\ufffe", "😀", "👩‍👩‍👧‍👦", "Ａ", "ｓｃｒｉｐｔ", "ℌ𝔢𝔩𝔩𝔬", "İ", "ß", "\u0301\u0301\u0301"),
);

/** One hostile string (never a valid value on purpose; it may happen to be a valid one). */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: sprinkled(controlCharacters) },
  { weight: 3, arbitrary: sprinkled(bidiControls) },
  { weight: 1, arbitrary: sprinkled(invisible) },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: injections },
  { weight: 2, arbitrary: traversals },
  { weight: 2, arbitrary: malformedIds },
  { weight: 2, arbitrary: caseNumbers },
  { weight: 2, arbitrary: cursors },
  { weight: 3, arbitrary: numbers },
  { weight: 1, arbitrary: dates },
  { weight: 2, arbitrary: unicode },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** A valid value spoiled: something hostile before, after or in its middle, or its case changed. */
export function spoiled(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom("\u0000", "\u202e", " ", "\n", "\t", "'", "%00", "/..", "0", "\ud800").map((extra) => `${valid}${extra}`),
    fc.constantFrom("\u0000", "\u202e", " ", "'", "../", "-").map((extra) => `${extra}${valid}`),
    fc.nat({ max: Math.max(valid.length, 1) }).map((at) => `${valid.slice(0, at)}\u0000${valid.slice(at)}`),
    fc.constant(valid.toUpperCase()),
    fc.constant(valid.slice(0, -1)),
    fc.constant(valid.repeat(3)),
  );
}

/** A text value where the valid one is expected: hostile, spoiled, or (rarely) the valid one, so others get tested. */
export function hostileFor(valid: string): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: hostileText }, { weight: 3, arbitrary: spoiled(valid) }, { weight: 1, arbitrary: fc.constant(valid) });
}

/** Whatever a client may serialise into a bound argument or an action's state: any type, not only strings. */
export function hostileAnything(valid?: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: typeof valid === "string" ? hostileFor(valid) : hostileText },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, -0) },
    { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(hostileText, fc.constantFrom("__proto__", "constructor", "then", "toString")), hostileText, { maxKeys: 3 }) },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
}

/** A file where text or an upload is expected: a hostile name, hostile bytes, a lying type. */
export const hostileFile: fc.Arbitrary<File> = fc
  .tuple(
    fc.oneof(hostileText, fc.constantFrom("a.png", "../../x.png", "photo.png\u0000.exe", "\u202egnp.exe", "", ".", "a".repeat(300) + ".png")),
    fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constant(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))),
    fc.constantFrom("image/png", "application/pdf", "text/html", "", "application/x-msdownload", "image/svg+xml"),
  )
  .map(([name, bytes, type]) => new File([bytes], name, { type }));

/** One posted field where `valid` is expected: hostile text, a file, missing, or repeated (an array for a string). */
export type TPostedValue = string | File | (string | File)[] | undefined;
export function hostileField(valid: string | readonly string[]): fc.Arbitrary<TPostedValue> {
  const one = typeof valid === "string" ? valid : (valid[0] ?? "");
  return fc.oneof(
    { weight: 8, arbitrary: hostileFor(one) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.array(fc.oneof(hostileFor(one), fc.constant(one)), { minLength: 2, maxLength: 4 }) },
    { weight: 1, arbitrary: hostileFile },
  );
}

/** Fields nobody asked for, with hostile names (including the ones Next and React read themselves). */
export const extraFields: fc.Arbitrary<Record<string, TPostedValue>> = fc.dictionary(
  fc.oneof(hostileText, fc.constantFrom("$ACTION_ID_0", "$ACTION_REF_1", "1_$ACTION_KEY", "__proto__", "constructor", "intent", "remove-file", "item")),
  fc.oneof(hostileText, hostileFile),
  { maxKeys: 3 },
);

/** A short description of a value for a failure message: huge strings and files are summarised, not printed. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return value.length > 80 ? `${JSON.stringify(value.slice(0, 60))}… (${value.length} characters)` : JSON.stringify(value);
  if (value instanceof File) return `File(${describeValue(value.name)}, ${value.size} bytes, ${JSON.stringify(value.type)})`;
  if (value instanceof FormData) return `FormData{ ${[...value.entries()].map(([name, entry]) => `${describeValue(name)}: ${describeValue(entry)}`).join(", ")} }`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(", ")}]`;
  if (typeof value === "bigint") return `${value}n`;
  if (value && typeof value === "object") return `{ ${Object.entries(value).map(([key, entry]) => `${describeValue(key)}: ${describeValue(entry)}`).join(", ")} }`;
  return String(value);
}
