/**
 * The form definition: the declarative document (stored as JSON in the database, never code) from which the
 * single intake form engine renders a form and against which the server validates the answers.
 *
 * Shape: pages → sections → fields. Logic (show-when) is a json-logic rule — plain JSON data that the same
 * evaluator (lib/forms/logic.ts) runs in the browser and on the server; there is no eval.
 */
import { z } from "zod";
import { ZLocalizedText } from "@/lib/i18n/locales";

/** A json-logic rule, e.g. `{ "==": [{ "var": "hasOutdoorSign" }, true] }`. Checked for shape in logic.ts. */
export const ZLogicRule = z.record(z.string(), z.unknown());
export type TLogicRule = z.infer<typeof ZLogicRule>;

const ZFieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, "field keys are camelCase: a lower-case letter, then letters and digits")
  .max(64);

const fieldBase = {
  key: ZFieldKey,
  label: ZLocalizedText,
  hint: ZLocalizedText.optional(),
  required: z.boolean().default(false),
  /** Shown (and validated, and stored) only when this rule is truthy for the current answers. */
  showWhen: ZLogicRule.optional(),
};

export const ZOption = z.object({
  value: z.string().min(1).max(64),
  label: ZLocalizedText,
});

export const ZTextField = z.object({
  ...fieldBase,
  type: z.literal("text"),
  maxLength: z.number().int().positive().max(2000).default(200),
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
  integer: z.boolean().default(false),
  unit: ZLocalizedText.optional(),
});
export const ZDateField = z.object({
  ...fieldBase,
  type: z.literal("date"),
  /** Earliest / latest allowed date as YYYY-MM-DD, or "today". */
  min: z.string().optional(),
  max: z.string().optional(),
});
export const ZSelectField = z.object({
  ...fieldBase,
  type: z.literal("select"),
  options: z.array(ZOption).min(1),
});
export const ZYesNoField = z.object({ ...fieldBase, type: z.literal("yesno") });
export const ZPhoneField = z.object({ ...fieldBase, type: z.literal("phone") });
export const ZIdNumberField = z.object({ ...fieldBase, type: z.literal("id-number") });

export const ZField = z.discriminatedUnion("type", [
  ZTextField,
  ZTextareaField,
  ZNumberField,
  ZDateField,
  ZSelectField,
  ZYesNoField,
  ZPhoneField,
  ZIdNumberField,
]);
export type TField = z.infer<typeof ZField>;
export type TFieldType = TField["type"];

export const ZSection = z.object({
  key: ZFieldKey,
  title: ZLocalizedText.optional(),
  fields: z.array(ZField).min(1),
});
export type TSection = z.infer<typeof ZSection>;

export const ZPage = z.object({
  key: ZFieldKey,
  title: ZLocalizedText.optional(),
  sections: z.array(ZSection).min(1),
});
export type TPage = z.infer<typeof ZPage>;

export const ZFormDefinition = z
  .object({
    schemaVersion: z.literal(1),
    pages: z.array(ZPage).min(1),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.pages.forEach((page, p) =>
      page.sections.forEach((section, s) =>
        section.fields.forEach((field, f) => {
          if (seen.has(field.key)) {
            ctx.addIssue({
              code: "custom",
              path: ["pages", p, "sections", s, "fields", f, "key"],
              message: `duplicate field key "${field.key}"`,
            });
          }
          seen.add(field.key);
        }),
      ),
    );
  });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
/** What authors write: defaults (required: false, maxLength …) may be left out. */
export type TFormDefinitionInput = z.input<typeof ZFormDefinition>;

/** Every field of a definition in reading order. */
export function listFields(definition: TFormDefinition): TField[] {
  return definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields));
}
