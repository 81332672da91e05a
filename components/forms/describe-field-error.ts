/**
 * Turns a validation error at an answer path into the sentence the applicant reads, in their language. Shared by
 * the wizard page (client) and the check-your-answers page (server), so both say the same thing.
 */
import { materialMediaTypes, type TField, type TFormDefinition } from "@/lib/forms/definition";
import { formatAcceptedTypes } from "@/lib/forms/format-accepted-types";
import type { TFieldError } from "@/lib/forms/validate-answers";
import { localize, type Locale } from "@/lib/i18n/locales";

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

const choiceTypes = new Set(["select", "radio", "yesno", "checkbox-group", "region", "declaration"]);
const uploadCodes = new Set(["file-empty", "file-too-large", "file-type-not-allowed", "file-or-licence"]);

/** The field an answer path names: `key`, or `group.index.itemKey` inside a repeating group. */
export function findFieldAtPath(definition: TFormDefinition, path: string): { field: TField; item?: { group: TField & { type: "group" }; index: number } } | undefined {
  const [key, index, itemKey] = path.split(".");
  for (const page of definition.pages) {
    for (const section of page.sections) {
      for (const field of section.fields) {
        if (field.key !== key) continue;
        if (itemKey === undefined || field.type !== "group") return { field };
        const item = field.fields.find((candidate) => candidate.key === itemKey);
        return item ? { field: item, item: { group: field, index: Number(index) } } : { field };
      }
    }
  }
  return undefined;
}

/**
 * An English label read inside a sentence ("Upload a recent photo", not "Upload A recent photo"). Only a capital
 * not followed by another capital is lowered, so "ID number" and "USCC" stay as written; Chinese has no case.
 */
function inSentence(label: string, locale: Locale): string {
  return locale === "en" && /^[A-Z](?![A-Z0-9])/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

export function describeFieldError(options: {
  definition: TFormDefinition;
  path: string;
  error: TFieldError;
  locale: Locale;
  /** The "formErrors" messages. */
  tf: TTranslate;
  /** The "uploadErrors" messages. */
  tu: TTranslate;
  /** What "today" is called, for date bounds. */
  todayWord: string;
}): string {
  const { definition, path, error, locale, tf, tu, todayWord } = options;
  const found = findFieldAtPath(definition, path);
  const fieldLabel = found ? localize(found.field.label, locale) : path;
  const label = found?.item ? `${localize(found.item.group.itemLabel, locale)} ${found.item.index + 1} · ${fieldLabel}` : inSentence(fieldLabel, locale);
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([name, value]) => [name, value === "today" ? todayWord : value]));

  if (error.code === "rule-failed") {
    const rule = definition.rules.find((candidate) => candidate.key === error.rule);
    if (rule) return localize(rule.message, locale);
  }
  if (uploadCodes.has(error.code)) {
    const accept = found?.field.type === "material" ? found.field.accept : materialMediaTypes;
    return tu(error.code, { label, name: "", max: "", types: formatAcceptedTypes(accept, locale), ...params });
  }
  // "Enter …" suits a box to type in; a question answered by picking asks to choose.
  const code = error.code === "required" && found && choiceTypes.has(found.field.type) ? "required-choice" : error.code;
  return tf(code, { label, ...params });
}
