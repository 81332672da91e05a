/**
 * The form definition: the declarative document (stored as JSON in the database, never code) from which the
 * single intake form engine renders a form and against which the server validates the answers.
 *
 * Shape: pages → sections → fields; a field of type "group" holds item fields ("add another"). Logic (show-when,
 * required-when, computed values, cross-field rules) is json-logic: plain JSON data that the same evaluator
 * (lib/forms/logic.ts) runs in the browser and on the server; there is no eval.
 *
 * Answer shapes, one per field type (what validateAnswers returns and the database stores):
 *   text, textarea, email, phone, id-number, uscc, select, radio, region → string
 *   number → number · money → integer fen · date → "YYYY-MM-DD" · date-range → { from, to }
 *   yesno → boolean · declaration → true · checkbox-group → string[] · address → { region, detail }
 *   material → TMaterialRef[] · group → Array<Record<itemKey, answer>>
 */
import { z } from "zod";
import { codeZodIssue, type TDefinitionIssue, type TDefinitionIssueCode } from "@/lib/forms/definition-issue";
import { ZLogicRule } from "@/lib/forms/logic";
import { maxFileSizeKb, maxFilesPerField, maxPageUploadKb } from "@/lib/forms/upload-limits";
import { ZLocalizedText } from "@/lib/i18n/localized-text";
import { findHiddenCharacter } from "@/lib/text/plain-text";

const fieldKeyPattern = /^[a-z][a-zA-Z0-9]*$/;
const licenceSourcePattern = /^licence\.[a-z0-9-]+\.[a-z][a-zA-Z0-9]*$/;
/** The patterns whose refusal says more than "does not match" (see codeZodIssue). */
const namedPatterns = new Map<string, TDefinitionIssueCode>([
  [String(fieldKeyPattern), "key-format"],
  [String(licenceSourcePattern), "licence-source-format"],
]);

export const ZFieldKey = z.string().regex(fieldKeyPattern, "keys are camelCase: a lower-case letter, then letters and digits").max(64);

/**
 * Where a prefilled value comes from (免填报, one source per datum). `identity.*` is the signed-in person's
 * verified identity, `company.*` the enterprise registry entry of the company applying, and
 * `licence.<licence type>.<data key>` a datum of an e-licence in the applicant's wallet.
 */
export const prefillSources = [
  "identity.name",
  "identity.idNumber",
  "identity.mobile",
  "company.name",
  "company.uscc",
  "company.legalRepresentative",
  "company.registeredAddress",
  "company.regionCode",
] as const;
export const ZPrefillSource = z.union([
  z.enum(prefillSources),
  z.string().regex(licenceSourcePattern, 'licence sources look like "licence.<type>.<key>"'),
]);
export type TPrefillSource = z.infer<typeof ZPrefillSource>;

export const ZPrefill = z.object({
  source: ZPrefillSource,
  /** Locked by default: the server re-derives the value on submit and ignores what the browser sent. */
  editable: z.boolean().default(false),
});
export type TPrefill = z.infer<typeof ZPrefill>;

const fieldBase = {
  key: ZFieldKey,
  label: ZLocalizedText,
  hint: ZLocalizedText.optional(),
  required: z.boolean().default(false),
  /** Required only while this rule holds (ignored when `required` is true). */
  requiredWhen: ZLogicRule.optional(),
  /** Shown (and validated, and stored) only when this rule is truthy for the answers before it. */
  showWhen: ZLogicRule.optional(),
  prefill: ZPrefill.optional(),
  /**
   * How much harm the answer can do in the wrong hands (lib/forms/data-class.ts). Unset: the field type's own
   * class (an ID number is sensitive, a mobile personal). The desk's masking and the encryption at rest follow it.
   */
  dataClass: z.enum(["public", "internal", "personal", "sensitive"]).optional(),
};

export const ZOption = z.object({
  value: z.string().min(1).max(64),
  label: ZLocalizedText,
  hint: ZLocalizedText.optional(),
});
export type TOption = z.infer<typeof ZOption>;

/** "today", or a date as YYYY-MM-DD. */
const ZDateBound = z.union([z.literal("today"), z.iso.date()]);

export const ZTextField = z.object({
  ...fieldBase,
  type: z.literal("text"),
  maxLength: z.number().int().positive().max(2000).default(200),
  /** A value computed from other answers (shown read-only; the server recomputes it). */
  compute: ZLogicRule.optional(),
});
export const ZTextareaField = z.object({
  ...fieldBase,
  type: z.literal("textarea"),
  maxLength: z.number().int().positive().max(20000).default(2000),
});
export const ZNumberField = z.object({
  ...fieldBase,
  type: z.literal("number"),
  min: z.number().optional(),
  max: z.number().optional(),
  /** The answer must be a multiple of step (counted from min, or from 0). */
  step: z.number().positive().optional(),
  integer: z.boolean().default(false),
  unit: ZLocalizedText.optional(),
  compute: ZLogicRule.optional(),
});
export const ZMoneyField = z.object({
  ...fieldBase,
  type: z.literal("money"),
  /** Bounds in fen (分), like the answer; shown in yuan. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  compute: ZLogicRule.optional(),
});
export const ZDateField = z.object({ ...fieldBase, type: z.literal("date"), min: ZDateBound.optional(), max: ZDateBound.optional() });
export const ZDateRangeField = z.object({
  ...fieldBase,
  type: z.literal("date-range"),
  min: ZDateBound.optional(),
  max: ZDateBound.optional(),
});
export const ZSelectField = z.object({ ...fieldBase, type: z.literal("select"), options: z.array(ZOption).min(1).max(500) });
export const ZRadioField = z.object({ ...fieldBase, type: z.literal("radio"), options: z.array(ZOption).min(1).max(50) });
export const ZCheckboxGroupField = z.object({
  ...fieldBase,
  type: z.literal("checkbox-group"),
  options: z.array(ZOption).min(1).max(50),
  minSelected: z.number().int().nonnegative().optional(),
  maxSelected: z.number().int().positive().optional(),
});
export const ZYesNoField = z.object({ ...fieldBase, type: z.literal("yesno") });
export const ZEmailField = z.object({ ...fieldBase, type: z.literal("email") });
export const ZPhoneField = z.object({ ...fieldBase, type: z.literal("phone") });
export const ZIdNumberField = z.object({ ...fieldBase, type: z.literal("id-number") });
export const ZUsccField = z.object({ ...fieldBase, type: z.literal("uscc") });
export const regionLevels = ["province", "city", "county"] as const;
export const ZRegionField = z.object({
  ...fieldBase,
  type: z.literal("region"),
  /** How deep the applicant must choose (GB/T 2260). */
  level: z.enum(regionLevels).default("county"),
});
export const ZAddressField = z.object({
  ...fieldBase,
  type: z.literal("address"),
  /** Longest street-and-number part, in characters. */
  maxLength: z.number().int().positive().max(500).default(120),
});
export const materialMediaTypes = ["application/pdf", "image/jpeg", "image/png"] as const;
export const ZMaterialField = z.object({
  ...fieldBase,
  type: z.literal("material"),
  /** Media types accepted, checked against the file's content, never its name. */
  accept: z.array(z.enum(materialMediaTypes)).min(1).default(["application/pdf", "image/jpeg", "image/png"]),
  maxFiles: z.number().int().positive().max(maxFilesPerField).default(5),
  /** Per file, in KiB. */
  maxSizeKb: z.number().int().positive().max(maxFileSizeKb).default(10240),
  /** E-licence types the applicant may take from their wallet instead of uploading (免提交). */
  licenceTypes: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
});
export const ZDeclarationField = z.object({ ...fieldBase, type: z.literal("declaration") });

/** Every field type that can stand inside a repeating group: anything but a group or a material. */
export const ZItemField = z.discriminatedUnion("type", [
  ZTextField,
  ZTextareaField,
  ZNumberField,
  ZMoneyField,
  ZDateField,
  ZDateRangeField,
  ZSelectField,
  ZRadioField,
  ZCheckboxGroupField,
  ZYesNoField,
  ZEmailField,
  ZPhoneField,
  ZIdNumberField,
  ZUsccField,
  ZRegionField,
  ZAddressField,
]);
export type TItemField = z.infer<typeof ZItemField>;

export const ZGroupField = z.object({
  ...fieldBase,
  type: z.literal("group"),
  /** What one item is called: "shareholder", "family member". */
  itemLabel: ZLocalizedText,
  minItems: z.number().int().nonnegative().default(0),
  maxItems: z.number().int().positive().max(100).default(20),
  /** Item fields; their rules see the item's own answers over the form's. */
  fields: z.array(ZItemField).min(1).max(30),
});

export const ZField = z.discriminatedUnion("type", [
  ...ZItemField.options,
  ZMaterialField,
  ZDeclarationField,
  ZGroupField,
]);
export type TField = z.infer<typeof ZField>;
export type TFieldType = TField["type"];
export type TFieldOf<T extends TFieldType> = Extract<TField, { type: T }>;

/**
 * A rule across fields ("end after start", "shares add up to 100"). When it does not hold, its message is shown
 * at `field`. It is checked only when `field` is shown and every field the rule reads has a valid answer.
 */
export const ZCrossFieldRule = z.object({
  key: ZFieldKey,
  rule: ZLogicRule,
  field: ZFieldKey,
  message: ZLocalizedText,
});
export type TCrossFieldRule = z.infer<typeof ZCrossFieldRule>;

export const ZSection = z.object({
  key: ZFieldKey,
  title: ZLocalizedText.optional(),
  showWhen: ZLogicRule.optional(),
  fields: z.array(ZField).min(1),
});
export type TSection = z.infer<typeof ZSection>;

/** The wizard's last step is called "check"; no page may take that name. */
export const reservedPageKeys = ["check"] as const;

export const ZPage = z.object({
  key: ZFieldKey.refine((key) => !(reservedPageKeys as readonly string[]).includes(key), { message: "this page key is reserved", params: { issue: "reserved-page-key" } }),
  title: ZLocalizedText,
  showWhen: ZLogicRule.optional(),
  sections: z.array(ZSection).min(1),
});
export type TPage = z.infer<typeof ZPage>;

export const ZFormDefinition = z
  .object({
    schemaVersion: z.literal(1),
    pages: z.array(ZPage).min(1).max(50),
    rules: z.array(ZCrossFieldRule).default([]),
  })
  .superRefine((definition, ctx) => {
    const fieldKeys = new Set<string>();
    const sectionKeys = new Set<string>();
    const pageKeys = new Set<string>();
    definition.pages.forEach((page, p) => {
      if (pageKeys.has(page.key)) ctx.addIssue({ code: "custom", path: ["pages", p, "key"], message: `duplicate page key "${page.key}"`, params: { issue: "duplicate-page-key", key: page.key } });
      pageKeys.add(page.key);
      const uploadKb = pageUploadKb(page);
      if (uploadKb > maxPageUploadKb) {
        ctx.addIssue({
          code: "custom",
          path: ["pages", p],
          message: `the material fields on this page take up to ${uploadKb / 1024} MiB in one post (maxFiles × maxSizeKb, added up); at most ${maxPageUploadKb / 1024} MiB fit: move a material to another page or lower its maxFiles or maxSizeKb`,
          params: { issue: "page-uploads-too-large", uploadMib: uploadKb / 1024, maxMib: maxPageUploadKb / 1024 },
        });
      }
      page.sections.forEach((section, s) => {
        if (sectionKeys.has(section.key)) {
          ctx.addIssue({ code: "custom", path: ["pages", p, "sections", s, "key"], message: `duplicate section key "${section.key}"`, params: { issue: "duplicate-section-key", key: section.key } });
        }
        sectionKeys.add(section.key);
        section.fields.forEach((field, f) => {
          const path = ["pages", p, "sections", s, "fields", f];
          if (fieldKeys.has(field.key)) ctx.addIssue({ code: "custom", path: [...path, "key"], message: `duplicate field key "${field.key}"`, params: { issue: "duplicate-field-key", key: field.key } });
          fieldKeys.add(field.key);
          checkFieldBounds(field, path, ctx);
          if (field.type === "group") {
            const itemKeys = new Set<string>();
            field.fields.forEach((item, i) => {
              if (itemKeys.has(item.key)) {
                ctx.addIssue({ code: "custom", path: [...path, "fields", i, "key"], message: `duplicate item key "${item.key}"`, params: { issue: "duplicate-item-key", key: item.key } });
              }
              itemKeys.add(item.key);
              checkFieldBounds(item, [...path, "fields", i], ctx);
            });
          }
        });
      });
    });
    definition.rules.forEach((rule, r) => {
      if (!fieldKeys.has(rule.field)) {
        ctx.addIssue({ code: "custom", path: ["rules", r, "field"], message: `no field "${rule.field}" to show this rule's message at`, params: { issue: "rule-field-missing", field: rule.field } });
      }
    });
  });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
/** What authors write: defaults (required: false, maxLength …) may be left out. */
export type TFormDefinitionInput = z.input<typeof ZFormDefinition>;

function checkFieldBounds(field: TField, path: (string | number)[], ctx: z.RefinementCtx) {
  const bounded = field as { min?: unknown; max?: unknown };
  if (typeof bounded.min === "number" && typeof bounded.max === "number" && bounded.min > bounded.max) {
    ctx.addIssue({ code: "custom", path: [...path, "max"], message: "max is below min", params: { issue: "max-below-min" } });
  }
  if (typeof bounded.min === "string" && typeof bounded.max === "string" && bounded.min !== "today" && bounded.max !== "today" && bounded.min > bounded.max) {
    ctx.addIssue({ code: "custom", path: [...path, "max"], message: "max is before min", params: { issue: "max-before-min" } });
  }
  if (field.type === "group" && field.minItems > field.maxItems) {
    ctx.addIssue({ code: "custom", path: [...path, "maxItems"], message: "maxItems is below minItems", params: { issue: "max-items-below-min-items" } });
  }
  if (field.type === "checkbox-group" && field.minSelected !== undefined && field.maxSelected !== undefined && field.minSelected > field.maxSelected) {
    ctx.addIssue({ code: "custom", path: [...path, "maxSelected"], message: "maxSelected is below minSelected", params: { issue: "max-selected-below-min-selected" } });
  }
  if ("options" in field) {
    const values = new Set<string>();
    field.options.forEach((option, o) => {
      if (values.has(option.value)) ctx.addIssue({ code: "custom", path: [...path, "options", o, "value"], message: `duplicate option "${option.value}"`, params: { issue: "duplicate-option", value: option.value } });
      values.add(option.value);
    });
  }
}

export type { TDefinitionIssue };
export type TDefinitionCheck = { ok: true; definition: TFormDefinition } | { ok: false; issues: TDefinitionIssue[] };

/** `["pages", 0, "sections", 1, "key"]` → `pages[0].sections[1].key`, the way an author finds it in the JSON. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "(the definition)" : out;
}

/** Deeper than any real definition (a rule in a group field is about 12), shallow enough for any stack. */
const MAX_DEFINITION_DEPTH = 64;

/**
 * Strings (keys included) holding a character no author means to type, each with its path: PostgreSQL's jsonb
 * refuses NUL and lone surrogates, and a bidi control would make a label read otherwise than it is written. Nesting
 * past MAX_DEFINITION_DEPTH is reported too, before any recursive check could overflow the stack on it.
 */
function findHiddenCharacters(value: unknown, path: PropertyKey[], issues: TDefinitionIssue[]): void {
  if (issues.length >= 20) return;
  if (path.length > MAX_DEFINITION_DEPTH) {
    issues.push({ path: formatJsonPath(path), message: `nested more than ${MAX_DEFINITION_DEPTH} levels deep`, code: "too-deep", values: { max: MAX_DEFINITION_DEPTH } });
    return;
  }
  const report = (text: string, at: PropertyKey[]) => {
    const character = findHiddenCharacter(text);
    if (character) issues.push({ path: formatJsonPath(at), message: `contains an invisible character (${character}); remove it`, code: "invisible-character", values: { character } });
  };
  if (typeof value === "string") return report(value, path);
  if (Array.isArray(value)) return value.forEach((item, index) => findHiddenCharacters(item, [...path, index], issues));
  if (typeof value !== "object" || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    report(key, [...path, key]);
    findHiddenCharacters(item, [...path, key], issues);
  }
}

/** Checks a definition written by an author; every problem comes back with the JSON path where it lies. */
export function checkFormDefinition(input: unknown): TDefinitionCheck {
  const hidden: TDefinitionIssue[] = [];
  findHiddenCharacters(input, [], hidden);
  if (hidden.length > 0) return { ok: false, issues: hidden };
  const parsed = ZFormDefinition.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: formatJsonPath(issue.path), message: issue.message, ...codeZodIssue(issue, namedPatterns) })) };
}

/**
 * The most one post of this page can carry in files, in KiB: every material field with all its files at full
 * size (whether or not a rule hides it: the browser decides what it sends).
 */
export function pageUploadKb(page: TPage): number {
  let total = 0;
  for (const section of page.sections) {
    for (const field of section.fields) if (field.type === "material") total += field.maxFiles * field.maxSizeKb;
  }
  return total;
}

/** Every top-level field of a definition in reading order (group item fields stay inside their group). */
export function listFields(definition: TFormDefinition): TField[] {
  return definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
}

/** The page a top-level field is asked on. */
export function findPageOfField(definition: TFormDefinition, key: string): TPage | undefined {
  return definition.pages.find((page) => page.sections.some((section) => section.fields.some((field) => field.key === key)));
}
