/**
 * The walk over a whole form: pages → sections → fields (and a group's items) in order, each field's value read
 * by its coercer (lib/forms/coerce/), show-when and required-when evaluated on the valid answers before it, then
 * the cross-field rules. validateAnswers and the layout (lib/forms/layout.ts) both read their answers from it.
 */
import type { TAnswerPath, TAnswers, TGroupItem, TItemAnswer } from "@/lib/forms/answers";
import type { TField, TFieldOf, TFormDefinition, TItemField, TPage, TSection } from "@/lib/forms/definition";
import type { TFieldError } from "@/lib/forms/field-error";
import { evaluateRule, evaluateValue, listRuleVariables } from "@/lib/forms/logic";
import { coerceComputed, coerceField, requiredError } from "@/lib/forms/coerce/coerce-field";
import type { TRegionLookup } from "@/lib/regions/lookup-type";
import { absent, isRecord, listEntries, own, type TContext, type TOutcome, type TRecord } from "@/lib/forms/coerce/raw-values";

export type TResolveOptions = {
  /** YYYY-MM-DD, for "today" date bounds and ID-number birth dates; pass the same day to browser and server. */
  today: string;
  /** Values that replace whatever was posted for these keys (locked prefill), before coercion. */
  fixed?: Record<string, unknown>;
  /** The region table; without it region codes are checked for format only (the browser does not load it). */
  regions?: TRegionLookup;
};

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
export function resolveForm(definition: TFormDefinition, raw: unknown, options: TResolveOptions): TFormResolution {
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
