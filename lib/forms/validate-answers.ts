/**
 * Turns what an applicant posted into typed answers for a form definition, or per-field errors. The browser runs
 * it for instant feedback and the server runs it again as the authority, so it is pure and never throws on any
 * input: raw values may be HTML form strings ("yes", "12.5", ""), nested objects from readFormData, JSON-typed
 * values from the API, or junk.
 *
 * Two rules keep it predictable:
 * - A value of the wrong shape for its field (an object where text is expected, a string where a date range
 *   {from, to} is expected, a number that is not finite) is not an answer: it is treated as not given.
 * - A string far longer than any valid answer (over twice a text field's maxLength, over 1000 characters for
 *   the others) is rejected without being parsed, and `keep` stores it cut just past that limit, so
 *   re-validating what a draft stored reports the same error.
 */
import type { TAddress, TAnswerPath, TAnswers, TDateRange, TGroupItem, TItemAnswer, TMaterialRef } from "@/lib/forms/answers";
import type { TField, TFieldOf, TFormDefinition, TItemField, TPage, TSection } from "@/lib/forms/definition";
import { evaluateRule, evaluateValue, listRuleVariables } from "@/lib/forms/logic";
import { isIsoDate, toIsoDate } from "@/lib/calendar/working-days";
import { checkEmail } from "@/lib/identifiers/email";
import { checkMobile } from "@/lib/identifiers/mobile";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { checkUscc } from "@/lib/identifiers/uscc";
import { formatFen, parseYuan } from "@/lib/money";
import { checkPlainText, toDisplayName, toStorableText } from "@/lib/text/plain-text";
import { regionLevelDepth, type TRegionLevel, type TRegionLookup } from "@/lib/regions/lookup-type";

export type { TAnswers, TAnswerPath, TAnswerValue } from "@/lib/forms/answers";

export type TFieldErrorCode =
  // Refusals of an uploaded file: never produced here (the server reads the content), but shown at the field.
  | "file-empty"
  | "file-too-large"
  | "file-type-not-allowed"
  | "required"
  | "required-choice"
  | "too-long"
  | "control-character"
  | "line-break"
  | "not-a-number"
  | "not-an-integer"
  | "not-a-step"
  | "too-small"
  | "too-large"
  | "money-format"
  | "money-too-precise"
  | "invalid-date"
  | "date-too-early"
  | "date-too-late"
  | "range-incomplete"
  | "range-end-before-start"
  | "invalid-option"
  | "too-few-selected"
  | "too-many-selected"
  | "invalid-yesno"
  | "invalid-email"
  | "invalid-mobile"
  | "invalid-id-number"
  | "invalid-id-checksum"
  | "invalid-uscc"
  | "invalid-uscc-checksum"
  | "invalid-region"
  | "region-incomplete"
  | "address-region-required"
  | "address-detail-required"
  | "invalid-material"
  | "too-many-files"
  | "material-required"
  | "declaration-required"
  | "too-many-items"
  | "too-few-items"
  | "rule-failed";

/** `rule` names the cross-field rule (its key) when code is "rule-failed"; the UI shows that rule's message. */
export type TFieldError = { code: TFieldErrorCode; params?: Record<string, string | number>; rule?: string };

export type TValidationResult = {
  ok: boolean;
  /** Valid typed answers of the visible fields (a group only when every item is valid). */
  answers: TAnswers;
  /** What a draft stores: typed values where valid, values as posted (strings capped) where not. */
  keep: Record<string, unknown>;
  errors: Record<TAnswerPath, TFieldError>;
};

export type TValidateOptions = {
  /** YYYY-MM-DD, for "today" date bounds and ID-number birth dates; pass the same day to browser and server. */
  today: string;
  /** Report only the errors of this page (and of cross-field rules shown on it); answers and keep stay whole. */
  pageKey?: string;
  /** Values that replace whatever was posted for these keys (locked prefill), before coercion. */
  fixed?: Record<string, unknown>;
  /** The region table; without it region codes are checked for format only (the browser does not load it). */
  regions?: TRegionLookup;
};

type TRecord = Record<string, unknown>;
type TPrimitive = string | number | boolean;
type TContext = { today: string; regions?: TRegionLookup };

/** What one raw value became. `keep` is what a draft stores for an invalid value (nothing when absent). */
type TOutcome<T = TItemAnswer | TMaterialRef[]> =
  | { kind: "absent" }
  | { kind: "value"; value: T }
  | { kind: "error"; error: TFieldError; keep?: unknown };

const absent = { kind: "absent" } as const;
const accept = <T>(value: T): TOutcome<T> => ({ kind: "value", value });
function fail(code: TFieldErrorCode, keep: unknown, params?: TFieldError["params"]): { kind: "error"; error: TFieldError; keep?: unknown } {
  return { kind: "error", error: params ? { code, params } : { code }, keep };
}

/** Longest string a non-text field parses; no valid number, date, code or option value comes close. */
const maxRawLength = 1000;
/** Most entries read from a posted array (checkbox values, materials) or raw group items. */
const maxRawEntries = 200;

const isRecord = (value: unknown): value is TRecord => typeof value === "object" && value !== null && !Array.isArray(value);
/** Own properties only: a field called "constructor" must not read Object.prototype.constructor. */
const own = (record: TRecord, key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);

/** Cuts a well-formed string to about `length` UTF-16 units without splitting a surrogate pair. */
function capString(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length + 1 : length);
}

/**
 * A posted scalar: strings (made storable: PostgreSQL's jsonb holds no NUL and no lone surrogate), finite numbers
 * and booleans; anything else is not an answer. Free text reads its raw string itself, to refuse what this drops.
 */
function readPrimitive(value: unknown): TPrimitive | undefined {
  if (typeof value === "string") return toStorableText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : undefined; // + 0 turns -0 into 0
  if (typeof value === "boolean") return value;
  return undefined;
}

const isBlank = (value: TPrimitive | undefined) => value === undefined || (typeof value === "string" && value.trim() === "");

/** An invalid scalar as a draft stores it: itself, a string cut just past the length it was judged by. */
const keepPrimitive = (value: TPrimitive, limit = maxRawLength): TPrimitive =>
  typeof value === "string" ? capString(value, limit + 1) : value;

/**
 * A scalar as text to parse (NFKC: full-width digits and letters from Chinese input methods), or "too long"
 * (then it is not parsed at all). Booleans become "true"/"false", which no parser of these fields accepts.
 */
function readCode(value: TPrimitive): string | null {
  if (typeof value !== "string") return String(value);
  if (value.length > maxRawLength) return null;
  // Most answers are plain ASCII, which NFKC leaves as it is; skipping it saves an allocation per field.
  return (/[^\x00-\x7f]/.test(value) ? value.normalize("NFKC") : value).trim();
}

function countCodePointsUpTo(text: string, limit: number): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > limit) break;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------------------------
// One coercer per field type. Each gets a non-blank primitive or a structured raw value.

/**
 * Free text, checked as all typed text is (lib/text/plain-text.ts): control characters refused, line breaks and tabs
 * only in a textarea (CRLF, as browsers post it, read as LF), bidi controls removed, trimmed, counted in code points
 * as the database does. A refused text is kept as typed (less a NUL, which jsonb cannot hold) to be shown again.
 */
function coerceText(raw: unknown, maxLength: number, multiline: boolean): TOutcome<string> {
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

/** A decimal number as people type it; Number() alone would also accept "0x10", "Infinity" and "". */
const decimalPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function coerceNumber(field: TFieldOf<"number">, value: TPrimitive): TOutcome<number> {
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
function coerceMoney(field: TFieldOf<"money">, value: TPrimitive): TOutcome<number> {
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

function coerceDate(field: TFieldOf<"date">, value: TPrimitive, context: TContext): TOutcome<string> {
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
function coerceDateRange(field: TFieldOf<"date-range">, raw: unknown, context: TContext): TOutcome<TDateRange> {
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

function coerceOption(field: TFieldOf<"select" | "radio">, value: TPrimitive): TOutcome<string> {
  const text = readCode(value);
  const option = text === null ? undefined : field.options.find((candidate) => candidate.value === text);
  return option ? accept(option.value) : fail("invalid-option", keepPrimitive(value));
}

/** One value (a single ticked box posts a string) or several; answered in the options' order, without repeats. */
function coerceCheckboxGroup(field: TFieldOf<"checkbox-group">, raw: unknown): TOutcome<string[]> {
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

function coerceYesNo(value: TPrimitive): TOutcome<boolean> {
  if (typeof value === "boolean") return accept(value);
  const text = readCode(value)?.toLowerCase();
  if (text === "yes" || text === "true") return accept(true);
  if (text === "no" || text === "false") return accept(false);
  return fail("invalid-yesno", keepPrimitive(value));
}

function coerceIdentifier(field: TField, value: TPrimitive, context: TContext): TOutcome<string> {
  const keep = keepPrimitive(value);
  const text = typeof value === "boolean" ? "" : readCode(value);
  switch (field.type) {
    case "email": {
      const result = text === null ? undefined : checkEmail(text);
      return result?.ok ? accept(result.normalized) : fail("invalid-email", keep);
    }
    case "phone": {
      const result = text === null ? undefined : checkMobile(text);
      return result?.ok ? accept(result.normalized) : fail("invalid-mobile", keep);
    }
    case "id-number": {
      const result = text === null ? undefined : checkResidentId(text, { today: context.today });
      if (result?.ok) return accept(result.normalized);
      return fail(result?.reason === "checksum" ? "invalid-id-checksum" : "invalid-id-number", keep);
    }
    default: {
      const result = text === null ? undefined : checkUscc(text);
      if (result?.ok) return accept(result.normalized);
      return fail(result?.reason === "checksum" ? "invalid-uscc-checksum" : "invalid-uscc", keep);
    }
  }
}

const regionCodePattern = /^[1-9]\d{5}$/;
const regionParts = ["province", "city", "county"] as const;

/** Whether `code` lies under `ancestor`: by the table when there is one, else by the code's structure. */
function isUnder(code: string, ancestor: string, regions: TRegionLookup | undefined): boolean {
  if (regions) {
    for (let region = regions.get(code); region?.parentCode; region = regions.get(region.parentCode)) {
      if (region.parentCode === ancestor) return true;
    }
    return false;
  }
  if (code === ancestor) return false;
  if (ancestor.endsWith("0000")) return code.startsWith(ancestor.slice(0, 2));
  if (ancestor.endsWith("00")) return code.startsWith(ancestor.slice(0, 4)) && !code.endsWith("00");
  return false;
}

/**
 * A region code (6 digits) or the cascade's { province, city, county } choices, answered as the deepest code
 * chosen. It must be chosen down to `level` unless the region has nothing at that level (东莞市 has no
 * counties; 上海市 has districts but no city level).
 */
function coerceRegion(raw: unknown, level: TRegionLevel, context: TContext): TOutcome<string> {
  const parts = isRecord(raw) ? regionParts.map((part) => own(raw, part)) : [raw];
  const keep: TRecord = {};
  const codes: string[] = [];
  let malformed = false;
  parts.forEach((part, index) => {
    const value = readPrimitive(part);
    if (isBlank(value)) return;
    if (isRecord(raw)) keep[regionParts[index]] = keepPrimitive(value!);
    const text = readCode(value!);
    if (text !== null && regionCodePattern.test(text)) codes.push(text);
    else malformed = true;
  });
  if (!malformed && codes.length === 0) return absent;
  const kept = isRecord(raw) ? keep : keepPrimitive(readPrimitive(raw)!);
  if (malformed) return fail("invalid-region", kept);
  for (let i = 1; i < codes.length; i += 1) {
    if (!isUnder(codes[i], codes[i - 1], context.regions)) return fail("invalid-region", kept);
  }
  const code = codes[codes.length - 1];
  if (context.regions) {
    const region = context.regions.get(code);
    if (!region) return fail("invalid-region", kept);
    if (regionLevelDepth(region.level) < regionLevelDepth(level) && context.regions.hasChildren(code, level)) {
      return fail("region-incomplete", kept, { level });
    }
  }
  return accept(code);
}

/** Posted as { region, detail }: the region chosen down to county level, and the street and number. */
function coerceAddress(field: TFieldOf<"address">, raw: unknown, context: TContext): TOutcome<TAddress> {
  if (!isRecord(raw)) return absent;
  const region = coerceRegion(own(raw, "region"), "county", context);
  const detail = coerceText(own(raw, "detail"), field.maxLength, false);
  if (region.kind === "absent" && detail.kind === "absent") return absent;
  const keep: TRecord = {};
  if (region.kind !== "absent") keep.region = region.kind === "value" ? region.value : region.keep;
  if (detail.kind !== "absent") keep.detail = detail.kind === "value" ? detail.value : detail.keep;
  if (region.kind === "error") return { kind: "error", error: region.error, keep };
  if (region.kind === "absent") return fail("address-region-required", keep);
  if (detail.kind === "error") return { kind: "error", error: detail.error, keep };
  if (detail.kind === "absent") return fail("address-detail-required", keep);
  return accept({ region: region.value, detail: detail.value });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxFileNameLength = 255;
const materialKeys = ["kind", "fileId", "name", "mediaType", "size", "licenceId"] as const;

/** The entries of a posted list: an array, or an object with keys "0", "1", … as readFormData builds it. */
function listEntries(raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw.slice(0, maxRawEntries + 1);
  if (!isRecord(raw)) return [];
  const indices: number[] = [];
  for (const key of Object.keys(raw)) if (/^(?:0|[1-9]\d{0,5})$/.test(key)) indices.push(Number(key));
  return indices
    .sort((a, b) => a - b)
    .slice(0, maxRawEntries + 1)
    .map((index) => raw[String(index)]);
}

function readMaterialRef(entry: TRecord, field: TFieldOf<"material">): TMaterialRef | null {
  const text = (key: string) => {
    const value = own(entry, key);
    return typeof value === "string" && value.length <= maxRawLength ? value.trim() : undefined;
  };
  const kind = own(entry, "kind");
  if (kind === "file") {
    const fileId = text("fileId");
    // Shown to the clerk: never with characters that would make it read as another name (a bidi override).
    const name = toDisplayName(text("name") ?? "", { max: maxFileNameLength });
    const mediaType = text("mediaType");
    const size = own(entry, "size");
    if (!fileId || !uuidPattern.test(fileId)) return null;
    if (!name) return null;
    if (!mediaType || !(field.accept as readonly string[]).includes(mediaType)) return null;
    if (typeof size !== "number" || !Number.isInteger(size) || size <= 0 || size > field.maxSizeKb * 1024) return null;
    return { kind: "file", fileId: fileId.toLowerCase(), name, mediaType, size };
  }
  if (kind === "licence") {
    const licenceId = text("licenceId");
    if (field.licenceTypes.length === 0 || !licenceId || !uuidPattern.test(licenceId)) return null;
    return { kind: "licence", licenceId: licenceId.toLowerCase() };
  }
  return null;
}

/** Uploaded files and wallet e-licences. Whether they belong to this applicant is the server's check. */
function coerceMaterial(field: TFieldOf<"material">, raw: unknown): TOutcome<TMaterialRef[]> {
  const entries = listEntries(raw).filter(isRecord);
  if (entries.length === 0) return absent;
  // Stored as posted, but only the properties a reference has, and only scalar values.
  const keep = entries.map((entry) => {
    const kept: TRecord = {};
    for (const key of materialKeys) {
      const value = readPrimitive(own(entry, key));
      if (value !== undefined) kept[key] = keepPrimitive(value);
    }
    return kept;
  });
  if (entries.length > field.maxFiles) return fail("too-many-files", keep, { max: field.maxFiles });
  const refs: TMaterialRef[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const ref = readMaterialRef(entry, field);
    if (!ref) return fail("invalid-material", keep);
    const id = ref.kind === "file" ? `file:${ref.fileId}` : `licence:${ref.licenceId}`;
    if (!seen.has(id)) refs.push(ref);
    seen.add(id);
  }
  return accept(refs);
}

/** A declaration is a ticked box: "yes", "on" (a checkbox without a value), "true" or true. */
function coerceDeclaration(raw: unknown): TOutcome<true> {
  const value = readPrimitive(raw);
  if (value === true) return accept(true);
  const text = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  return text === "yes" || text === "on" || text === "true" ? accept(true) : absent;
}

/** Every field type but a group. */
function coerceField(field: TField, raw: unknown, context: TContext): TOutcome {
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
function coerceComputed(field: TField, value: unknown, context: TContext): TOutcome {
  if (field.type === "money" && typeof value === "number" && Number.isFinite(value)) {
    return coerceField(field, Math.round(value) + 0, context);
  }
  return coerceField(field, value, context);
}

/** The error for a required question left unanswered, worded for how it is answered. */
function requiredError(field: TField): TFieldError {
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

// ---------------------------------------------------------------------------------------------------------------
// The walk over the whole form.

export type TResolvedField = {
  field: TField;
  /** Required for the answers so far (`required`, or `requiredWhen` holds). */
  required: boolean;
  /** For a group: each stored item's visible fields and the keys of those required, in order. */
  items?: { fields: TItemField[]; required: string[] }[];
};
export type TResolvedSection = { section: TSection; fields: TResolvedField[] };
export type TResolvedPage = { page: TPage; sections: TResolvedSection[] };
export type TFormResolution = {
  /** The visible pages, sections and fields; sections and pages with nothing visible are left out. */
  pages: TResolvedPage[];
  answers: TAnswers;
  keep: Record<string, unknown>;
  /** Every error, on every page. */
  errors: Record<TAnswerPath, TFieldError>;
};

type TWalk = {
  context: TContext;
  posted: TRecord;
  fixed: TRecord | undefined;
  /** The valid answers so far, prototype-less, so rules read it without a copy (see evaluateRule). */
  scope: TRecord;
  keep: TRecord;
  errors: Record<TAnswerPath, TFieldError>;
};

/**
 * One field of the form or of a group item, already known to be visible: whether it is required for the answers
 * so far, and what its value (computed, fixed or posted) became.
 */
function visitField(field: TField, scope: TRecord, raw: unknown, context: TContext): { required: boolean; outcome: TOutcome } {
  const required = field.required || (field.requiredWhen !== undefined && evaluateRule(field.requiredWhen, scope));
  const compute = "compute" in field ? field.compute : undefined;
  const outcome = compute ? coerceComputed(field, evaluateValue(compute, scope), context) : coerceField(field, raw, context);
  if (outcome.kind === "absent" && required) return { required, outcome: { kind: "error", error: requiredError(field) } };
  return { required, outcome };
}

type TItemResult = { answer: TGroupItem; keep: TRecord; errors: [string, TFieldError][]; visible: TItemField[]; required: string[]; typed: boolean };

function visitItem(group: TFieldOf<"group">, raw: TRecord, parentScope: TRecord, context: TContext): TItemResult {
  // The item's answers over the form's: own properties shadow, the rest is found through the prototype.
  const scope = Object.create(parentScope) as TRecord;
  const result: TItemResult = { answer: {}, keep: {}, errors: [], visible: [], required: [], typed: false };
  for (const field of group.fields) {
    if (!evaluateRule(field.showWhen, scope)) continue;
    result.visible.push(field);
    const { required, outcome } = visitField(field, scope, own(raw, field.key), context);
    if (required) result.required.push(field.key);
    if (outcome.kind === "absent") continue;
    // An item counts as given when something the applicant typed survives; computed values do not count.
    const computed = "compute" in field && field.compute !== undefined;
    if (!computed && (outcome.kind === "value" || outcome.keep !== undefined)) result.typed = true;
    if (outcome.kind === "value") {
      scope[field.key] = outcome.value;
      result.answer[field.key] = outcome.value as TItemAnswer;
      result.keep[field.key] = outcome.value;
    } else {
      result.errors.push([field.key, outcome.error]);
      if (outcome.keep !== undefined) result.keep[field.key] = outcome.keep;
    }
  }
  return result;
}

/**
 * A repeating group: items wholly empty are dropped, at most maxItems are kept, and each item's fields are
 * validated with rules that see the item's answers over the form's. Error paths use the kept items' indices.
 */
function visitGroup(group: TFieldOf<"group">, required: boolean, walk: TWalk): { value?: TGroupItem[]; items: NonNullable<TResolvedField["items"]> } {
  const items: TItemResult[] = [];
  let tooMany = false;
  for (const entry of listEntries(rawValueOf(group, walk))) {
    if (!isRecord(entry)) continue;
    const item = visitItem(group, entry, walk.scope, walk.context);
    if (!item.typed) continue;
    if (items.length === group.maxItems) {
      tooMany = true;
      break;
    }
    items.push(item);
  }

  let valid = true;
  items.forEach((item, index) => {
    for (const [key, error] of item.errors) {
      walk.errors[`${group.key}.${index}.${key}`] = error;
      valid = false;
    }
  });
  const min = Math.max(group.minItems, required ? 1 : 0);
  if (tooMany) {
    walk.errors[group.key] = { code: "too-many-items", params: { max: group.maxItems } };
    valid = false;
  } else if (items.length < min) {
    walk.errors[group.key] = { code: "too-few-items", params: { min } };
    valid = false;
  }
  if (items.length > 0) walk.keep[group.key] = items.map((item) => item.keep);
  const visible = items.map((item) => ({ fields: item.visible, required: item.required }));
  if (!valid || items.length === 0) return { items: visible };
  return { value: items.map((item) => item.answer), items: visible };
}

/** Fixed values (locked prefill) win over what was posted; posted values are read as own properties only. */
function rawValueOf(field: TField, walk: TWalk): unknown {
  if (walk.fixed && Object.hasOwn(walk.fixed, field.key)) return walk.fixed[field.key];
  return own(walk.posted, field.key);
}

/**
 * Walks pages → sections → fields in order. A show-when sees only the valid answers of the visible fields before
 * it, so hiding a field also hides everything that depends on it, and no rule ever sees a value posted for a
 * hidden field.
 */
export function resolveForm(definition: TFormDefinition, raw: unknown, options: TValidateOptions): TFormResolution {
  const walk: TWalk = {
    context: { today: options.today, regions: options.regions },
    posted: isRecord(raw) ? raw : {},
    fixed: isRecord(options.fixed) ? options.fixed : undefined,
    scope: Object.create(null) as TRecord,
    keep: {},
    errors: {},
  };
  const pages: TResolvedPage[] = [];
  for (const page of definition.pages) {
    if (!evaluateRule(page.showWhen, walk.scope)) continue;
    const sections: TResolvedSection[] = [];
    for (const section of page.sections) {
      if (!evaluateRule(section.showWhen, walk.scope)) continue;
      const fields: TResolvedField[] = [];
      for (const field of section.fields) {
        if (!evaluateRule(field.showWhen, walk.scope)) continue;
        if (field.type === "group") {
          const required = field.required || (field.requiredWhen !== undefined && evaluateRule(field.requiredWhen, walk.scope));
          const group = visitGroup(field, required, walk);
          if (group.value !== undefined) walk.scope[field.key] = group.value;
          fields.push({ field, required, items: group.items });
          continue;
        }
        const { required, outcome } = visitField(field, walk.scope, rawValueOf(field, walk), walk.context);
        if (outcome.kind === "value") {
          walk.scope[field.key] = outcome.value;
          walk.keep[field.key] = outcome.value;
        } else if (outcome.kind === "error") {
          walk.errors[field.key] = outcome.error;
          if (outcome.keep !== undefined) walk.keep[field.key] = outcome.keep;
        }
        fields.push({ field, required });
      }
      if (fields.length > 0) sections.push({ section, fields });
    }
    if (sections.length > 0) pages.push({ page, sections });
  }
  checkCrossFieldRules(definition, pages, walk);
  return { pages, answers: { ...walk.scope } as TAnswers, keep: walk.keep, errors: walk.errors };
}

/** Definitions are immutable once parsed and reused for every request, so their key set is built once. */
const fieldKeysCache = new WeakMap<TFormDefinition, Set<string>>();
function fieldKeysOf(definition: TFormDefinition): Set<string> {
  let keys = fieldKeysCache.get(definition);
  if (!keys) {
    keys = new Set(definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.map((field) => field.key))));
    fieldKeysCache.set(definition, keys);
  }
  return keys;
}

/**
 * A cross-field rule is checked only when the field showing its message is visible and error-free, and every
 * field it reads is visible with a valid answer; so "end after start" says nothing until both dates are right.
 */
function checkCrossFieldRules(definition: TFormDefinition, pages: TResolvedPage[], walk: TWalk): void {
  if (definition.rules.length === 0) return;
  const definedKeys = fieldKeysOf(definition);
  const visible = new Set<string>();
  for (const page of pages) for (const section of page.sections) for (const { field } of section.fields) visible.add(field.key);
  const failed = new Set<string>();
  for (const path of Object.keys(walk.errors)) failed.add(path.split(".")[0]);

  for (const rule of definition.rules) {
    if (!visible.has(rule.field) || failed.has(rule.field)) continue;
    const reads = listRuleVariables(rule.rule).filter((key) => definedKeys.has(key));
    if (!reads.every((key) => visible.has(key) && !failed.has(key) && Object.hasOwn(walk.scope, key))) continue;
    if (walk.errors[rule.field] === undefined && !evaluateRule(rule.rule, walk.scope)) {
      walk.errors[rule.field] = { code: "rule-failed", rule: rule.key };
    }
  }
}

function pageErrors(resolution: TFormResolution, pageKey: string): Record<TAnswerPath, TFieldError> {
  const onPage = new Set<string>();
  for (const page of resolution.pages) {
    if (page.page.key !== pageKey) continue;
    for (const section of page.sections) for (const { field } of section.fields) onPage.add(field.key);
  }
  const errors: Record<TAnswerPath, TFieldError> = {};
  for (const [path, error] of Object.entries(resolution.errors)) {
    if (onPage.has(path.split(".")[0])) errors[path] = error;
  }
  return errors;
}

export function validateAnswers(definition: TFormDefinition, raw: Record<string, unknown>, options: TValidateOptions): TValidationResult {
  const resolution = resolveForm(definition, raw, options);
  const errors = options.pageKey === undefined ? resolution.errors : pageErrors(resolution, options.pageKey);
  return { ok: Object.keys(errors).length === 0, answers: resolution.answers, keep: resolution.keep, errors };
}

/**
 * The top-level fields an applicant should see for the answers so far — exactly the ones validateAnswers would
 * validate. Takes raw or already-typed answers. `today` only matters when a date field with a min/max controls
 * another field; it defaults to today in Beijing.
 */
export function listVisibleFields(
  definition: TFormDefinition,
  answers: Record<string, unknown>,
  options: { today?: string; regions?: TRegionLookup } = {},
): TField[] {
  const resolution = resolveForm(definition, answers, { today: options.today ?? toIsoDate(new Date()), regions: options.regions });
  return resolution.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.map(({ field }) => field)));
}
