/**
 * One form for a bundle (一表申请): the bundle's own questions (its "base" definition: routing questions and shared
 * items) followed by the questions of each component service that the base and the earlier components have not
 * already asked. The result is what the applicant fills in and what the server validates against.
 *
 * Rules:
 * - A field key is one datum. A key already asked (by the base or an earlier component) is not asked again, but
 *   the two questions must agree on everything that decides what answer is accepted (see fieldContract); the
 *   wording (label, hint, unit) and the prefill source of the first one are used. Their data class is part of the
 *   contract, compared as it takes effect (an ID number left unset is as sensitive as one marked so): one datum is
 *   masked and sealed one way, whichever department's question asked it.
 * - A field dropped as "already asked" must be asked whenever its component applies: the earlier question must be
 *   unconditional, or shown under exactly the same conditions. Otherwise ask it in the base.
 * - Fields a bundle item excludes (excludeFields) are not asked: another department of the bundle produces them.
 * - Each component keeps its own pages, titled by what they are for (the service's name when given); a page shows
 *   only when its component applies (page showWhen = appliesWhen AND the page's own showWhen). Sections and pages
 *   left empty are dropped. Page and section keys that collide get the service code (camelCase) as a prefix.
 * - A routing rule (appliesWhen) may read only fields asked before its component's questions.
 * - A component's cross-field rules are kept when the field they report at is in the result and every field they
 *   read is; they hold trivially while the component does not apply.
 * - The result must pass the meta-schema (checkFormDefinition); every problem comes back with where it lies:
 *   `bundle-base/pages[0]…` for the base, `<service code>/pages[0]…` for a component.
 */
import { canonicalJson } from "@/lib/canonical-json";
import { dataClassOf } from "@/lib/forms/data-class";
import {
  checkFormDefinition,
  formatJsonPath,
  type TCrossFieldRule,
  type TDefinitionIssue,
  type TField,
  type TFormDefinition,
  type TPage,
  type TSection,
} from "@/lib/forms/definition";
import type { TLogicRule } from "@/lib/forms/logic";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { locales } from "@/lib/i18n/locales";

export type TBundleComponentForm = {
  serviceCode: string;
  /** The version of the service's form being composed. */
  definition: TFormDefinition;
  /** The bundle item's routing rule; null = the component always applies. */
  appliesWhen: TLogicRule | null;
  excludeFields: readonly string[];
  /** What the component is for (the service's name); titles its pages in the composed form. */
  title?: TLocalizedText;
};

export type TComposeBundleFormInput = { base: TFormDefinition; components: readonly TBundleComponentForm[] };
export type TComposeBundleFormResult = { ok: true; definition: TFormDefinition } | { ok: false; issues: TDefinitionIssue[] };

export const baseSourceName = "bundle-base";

/**
 * What a field accepts, leaving out how it is worded. Two questions with one key must have the same contract:
 * the second department relies on its own definition's options, bounds, "required" and conditions having been
 * enforced on the answer it receives. Merging them quietly (intersecting options, taking the tighter bound) would
 * change what another author's form asks behind their back, so a difference is an issue the author resolves — by
 * aligning the two definitions, or by giving a different datum a different key.
 */
const presentationProperties = new Set(["label", "hint", "unit", "itemLabel", "prefill"]);

function fieldContract(field: Record<string, unknown>): Record<string, unknown> {
  const contract: Record<string, unknown> = { dataClass: dataClassOf(field as TField) };
  for (const [property, value] of Object.entries(field)) {
    if (presentationProperties.has(property) || property === "dataClass" || value === undefined) continue;
    if (property === "options" && Array.isArray(value)) {
      contract.options = value.map((option: { value: string }) => option.value).sort();
    } else if (property === "fields" && Array.isArray(value)) {
      contract.fields = value.map((item: Record<string, unknown>) => fieldContract(item));
    } else {
      contract[property] = value;
    }
  }
  return contract;
}

/** The properties of the contract in which two same-key questions differ. */
function contractDifferences(first: TField, second: TField): string[] {
  const a = fieldContract(first);
  const b = fieldContract(second);
  const properties = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return properties.filter((property) => canonicalJson(a[property]) !== canonicalJson(b[property]));
}

/** "AMR-FOOD-LICENCE" → "amrFoodLicence". */
export function camelCaseCode(code: string): string {
  const words = code.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const joined = words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join("");
  return /^[a-z]/.test(joined) ? joined : `s${joined}`;
}

/** `key` if free, else prefix + Key, else prefix + Key + 2, 3 … */
function uniqueKey(key: string, prefix: string, taken: Set<string>): string {
  if (!taken.has(key)) return key;
  const prefixed = `${prefix}${key[0].toUpperCase()}${key.slice(1)}`;
  let candidate = prefixed;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${prefixed}${n}`;
  return candidate;
}

function and(...rules: (TLogicRule | null | undefined)[]): TLogicRule | undefined {
  const present = rules.filter((rule): rule is TLogicRule => rule !== null && rule !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { and: present };
}

/** The answers a rule reads: the first segment of each `var` path ("a.b" reads "a"). */
export function readVariables(rule: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(rule)) {
    for (const item of rule) readVariables(item, found);
  } else if (rule !== null && typeof rule === "object") {
    for (const [operator, args] of Object.entries(rule)) {
      if (operator === "var") {
        const path = Array.isArray(args) ? args[0] : args;
        if (typeof path === "string" && path !== "") found.add(path.split(".")[0]);
        if (Array.isArray(args)) readVariables(args.slice(1), found);
      } else {
        readVariables(args, found);
      }
    }
  }
  return found;
}

function joinTitles(outer: TLocalizedText, inner: TLocalizedText): TLocalizedText {
  return Object.fromEntries(locales.map((locale) => [locale, `${outer[locale]} — ${inner[locale]}`])) as TLocalizedText;
}

const logicProperties = ["showWhen", "requiredWhen", "compute"] as const;

type TAsked = { field: TField; where: string; gate: string; always: boolean };

/** Where a question stands: the conditions (other than its own showWhen) under which it is shown. */
function gateOf(rules: (TLogicRule | null | undefined)[]) {
  const present = rules.filter((rule) => rule !== null && rule !== undefined);
  return { gate: canonicalJson(present), always: present.length === 0 };
}

/** The bundle form as it grows: what is asked so far (and where), the keys taken, the pages and rules kept. */
type TComposition = {
  issues: TDefinitionIssue[];
  asked: Map<string, TAsked>;
  pageKeys: Set<string>;
  sectionKeys: Set<string>;
  pages: TPage[];
  rules: TCrossFieldRule[];
  /** Each kept rule's key → its canonical JSON, so a rule two components share is kept once. */
  ruleKeys: Map<string, string>;
};

/** One component being added: its code as a key prefix, and where a problem in its definition lies. */
type TComponentStep = { component: TBundleComponentForm; prefix: string; at: (path: PropertyKey[]) => string };

type TKeptSection = { section: TSection; sourceIndex: number };
type TKeptPage = { page: TPage; sourceIndex: number; sections: TKeptSection[] };

export function composeBundleForm({ base, components }: TComposeBundleFormInput): TComposeBundleFormResult {
  const composition = startWithBase(base);
  for (const component of components) addComponent(composition, component);
  return finish(composition);
}

/** The base's questions come first, unchanged: everything a component asks again is checked against them. */
function startWithBase(base: TFormDefinition): TComposition {
  const composition: TComposition = {
    issues: [],
    asked: new Map(),
    pageKeys: new Set(),
    sectionKeys: new Set(),
    pages: [...base.pages],
    rules: [],
    ruleKeys: new Map(),
  };
  base.pages.forEach((page, p) => {
    composition.pageKeys.add(page.key);
    page.sections.forEach((section, s) => {
      composition.sectionKeys.add(section.key);
      section.fields.forEach((field, f) => {
        const where = `${baseSourceName}/${formatJsonPath(["pages", p, "sections", s, "fields", f])}`;
        composition.asked.set(field.key, { field, where, ...gateOf([page.showWhen, section.showWhen]) });
      });
    });
  });
  for (const rule of base.rules) {
    composition.rules.push(rule);
    composition.ruleKeys.set(rule.key, canonicalJson(rule));
  }
  return composition;
}

function addComponent(composition: TComposition, component: TBundleComponentForm): void {
  const code = component.serviceCode;
  const step: TComponentStep = { component, prefix: camelCaseCode(code), at: (path) => `${code}/${formatJsonPath(path)}` };
  checkExcludedFields(composition, step);
  checkRoutingRule(composition, step);
  const keptPages = keepNewQuestions(composition, step);
  checkLogicReadsAskedFields(composition, step, keptPages);
  addPages(composition, step, keptPages);
  addRules(composition, step);
}

/** excludeFields names fields of the component's own form. */
function checkExcludedFields({ issues }: TComposition, { component, at }: TComponentStep): void {
  const { serviceCode: code, definition } = component;
  const ownKeys = new Set(definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.map((field) => field.key))));
  component.excludeFields.forEach((key, e) => {
    if (!ownKeys.has(key)) issues.push({ path: at(["excludeFields", e]), message: `${code}'s form asks no field "${key}" to leave out` });
  });
}

/** The routing rule reads only what is asked before the component's questions. */
function checkRoutingRule({ issues, asked }: TComposition, { component, at }: TComponentStep): void {
  for (const variable of readVariables(component.appliesWhen)) {
    if (!asked.has(variable)) {
      issues.push({
        path: at(["appliesWhen"]),
        message: `the routing rule reads "${variable}", which is not asked before this service's questions; ask it in the bundle's base form`,
      });
    }
  }
}

/**
 * The component's pages and sections with only the questions not asked before (and not excluded); each question
 * asked again is checked against the earlier one. Section keys that collide get the component's prefix.
 */
function keepNewQuestions(composition: TComposition, step: TComponentStep): TKeptPage[] {
  const { definition, appliesWhen } = step.component;
  const excluded = new Set(step.component.excludeFields);
  const keptPages: TKeptPage[] = [];
  definition.pages.forEach((page, p) => {
    const keptSections: TKeptSection[] = [];
    page.sections.forEach((section, s) => {
      const { gate, always } = gateOf([appliesWhen, page.showWhen, section.showWhen]);
      const keptFields: TField[] = [];
      section.fields.forEach((field, f) => {
        const path = ["pages", p, "sections", s, "fields", f];
        if (excluded.has(field.key)) return;
        const earlier = composition.asked.get(field.key);
        if (earlier) {
          checkAskedAgain(composition, step, { field, path, gate, earlier });
          return;
        }
        keptFields.push(field);
        composition.asked.set(field.key, { field, where: step.at(path), gate, always });
      });
      if (keptFields.length === 0) return;
      const key = uniqueKey(section.key, step.prefix, composition.sectionKeys);
      composition.sectionKeys.add(key);
      keptSections.push({ section: { ...section, key, fields: keptFields }, sourceIndex: s });
    });
    if (keptSections.length === 0) return;
    keptPages.push({ page: { ...page, sections: keptSections.map((kept) => kept.section) }, sourceIndex: p, sections: keptSections });
  });
  return keptPages;
}

/** A question asked before may be dropped only if it is the same datum, asked whenever this component applies. */
function checkAskedAgain(
  { issues }: TComposition,
  { at }: TComponentStep,
  { field, path, gate, earlier }: { field: TField; path: PropertyKey[]; gate: string; earlier: TAsked },
): void {
  if (earlier.field.type !== field.type) {
    issues.push({
      path: at([...path, "type"]),
      message: `"${field.key}" is a ${field.type} field here but a ${earlier.field.type} field at ${earlier.where}; one key is one datum, so give one of them another key`,
    });
    return;
  }
  const differences = contractDifferences(earlier.field, field);
  if (differences.length > 0) {
    issues.push({
      path: at([...path, differences[0]]),
      message: `"${field.key}" is also asked at ${earlier.where} with a different ${differences.join(", ")}; the same key must accept the same answers, so align the two definitions or use another key`,
    });
    return;
  }
  if (!earlier.always && earlier.gate !== gate) {
    issues.push({
      path: at([...path, "key"]),
      message: `"${field.key}" is asked at ${earlier.where} only under conditions this service does not share, so it could be missing when this service applies; ask it in the bundle's base form`,
    });
  }
}

/** Logic that reads a field no longer asked (left out by excludeFields) would silently never hold. */
function checkLogicReadsAskedFields({ issues, asked }: TComposition, { component, at }: TComponentStep, keptPages: TKeptPage[]): void {
  const reportUnknown = (rule: unknown, path: PropertyKey[], itemKeys: ReadonlySet<string> = new Set()) => {
    for (const variable of readVariables(rule)) {
      if (!asked.has(variable) && !itemKeys.has(variable)) {
        issues.push({ path: at(path), message: `reads "${variable}", which the bundle does not ask (see excludeFields)` });
      }
    }
  };
  for (const { page, sourceIndex: p, sections } of keptPages) {
    reportUnknown(page.showWhen, ["pages", p, "showWhen"]);
    for (const { section, sourceIndex: s } of sections) {
      reportUnknown(section.showWhen, ["pages", p, "sections", s, "showWhen"]);
      const sourceFields = component.definition.pages[p].sections[s].fields;
      for (const field of section.fields) {
        const path = ["pages", p, "sections", s, "fields", sourceFields.indexOf(field)];
        for (const logic of logicProperties) reportUnknown(field[logic as keyof TField], [...path, logic]);
        if (field.type !== "group") continue;
        const itemKeys = new Set(field.fields.map((item) => item.key));
        field.fields.forEach((item, i) => {
          for (const logic of logicProperties) reportUnknown(item[logic as keyof typeof item], [...path, "fields", i, logic], itemKeys);
        });
      }
    }
  }
}

/** The kept pages, titled by what they are for and shown only when the component applies. */
function addPages(composition: TComposition, { component, prefix }: TComponentStep, keptPages: TKeptPage[]): void {
  for (const { page } of keptPages) {
    const key = uniqueKey(page.key, prefix, composition.pageKeys);
    composition.pageKeys.add(key);
    const title = component.title ? (keptPages.length === 1 ? component.title : joinTitles(component.title, page.title)) : page.title;
    const showWhen = and(component.appliesWhen, page.showWhen);
    const composed: TPage = { ...page, key, title };
    if (showWhen) composed.showWhen = showWhen;
    else delete composed.showWhen;
    composition.pages.push(composed);
  }
}

/** The component's cross-field rules that can still be checked, holding trivially while it does not apply. */
function addRules(composition: TComposition, { component, prefix }: TComponentStep): void {
  const { asked, ruleKeys } = composition;
  const { definition, appliesWhen } = component;
  for (const rule of definition.rules) {
    // Kept only if it can still be checked: where it reports and everything it reads are in the result.
    if (!asked.has(rule.field)) continue;
    if ([...readVariables(rule.rule)].some((variable) => !asked.has(variable))) continue;
    const gated: TCrossFieldRule = appliesWhen ? { ...rule, rule: { or: [{ "!": [appliesWhen] }, rule.rule] } } : rule;
    const existing = ruleKeys.get(rule.key);
    if (existing === canonicalJson(gated)) continue;
    const key = uniqueKey(rule.key, prefix, new Set(ruleKeys.keys()));
    const kept = { ...gated, key };
    ruleKeys.set(key, canonicalJson(kept));
    composition.rules.push(kept);
  }
}

/** Every issue found, or the composed definition as the meta-schema accepts it. */
function finish({ issues, pages, rules }: TComposition): TComposeBundleFormResult {
  if (issues.length > 0) return { ok: false, issues };
  const checked = checkFormDefinition({ schemaVersion: 1, pages, rules });
  if (!checked.ok) return { ok: false, issues: checked.issues.map((issue) => ({ ...issue, path: `composed/${issue.path}` })) };
  return checked;
}
