/**
 * What an admin types for a bundle: a routing rule (json-logic over the bundle form's answers), the dependencies
 * between its services, and sample answers for "try it". Each check returns a problem as a code the admin's page says
 * in their language, with the detail (an operator, a field, a cycle) to show beside it; nothing here touches a database.
 */
import type { TField, TFormDefinition } from "@/lib/forms/definition";
import { checkRuleShape, listRuleVariables, type TLogicRule } from "@/lib/forms/logic";

export const ROUTING_RULE_MAX_CHARS = 10_000;
export const SAMPLE_ANSWERS_MAX_CHARS = 20_000;

export type TRuleProblem =
  | { problem: "json"; detail: string }
  | { problem: "shape"; detail: string }
  | { problem: "unknown-field"; detail: string };

/**
 * The rule the admin typed: empty means "always applies" (null). Refused when it is not JSON, when the engine would
 * not run it (lib/forms/logic.ts: operators, depth, paths), or when it reads a field the bundle's form does not ask —
 * such a rule would silently never hold, so the service would never be reached.
 */
export function parseRoutingRule(text: string, fieldKeys: ReadonlySet<string>): { ok: true; rule: TLogicRule | null } | ({ ok: false } & TRuleProblem) {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, rule: null };
  if (trimmed.length > ROUTING_RULE_MAX_CHARS) return { ok: false, problem: "json", detail: `longer than ${ROUTING_RULE_MAX_CHARS} characters` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, problem: "json", detail: (error as Error).message };
  }
  const shape = checkRuleShape(parsed);
  if (shape) return { ok: false, problem: "shape", detail: shape };
  const rule = parsed as TLogicRule;
  const unknown = listRuleVariables(rule).filter((variable) => !fieldKeys.has(variable));
  if (unknown.length > 0) return { ok: false, problem: "unknown-field", detail: unknown.join(", ") };
  return { ok: true, rule };
}

/** Every field key of a definition, group items' keys left out (a rule reads a group as a whole). */
export function fieldKeysOf(definition: TFormDefinition): Set<string> {
  return new Set(definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields.map((field) => field.key))));
}

export type TDependencyProblem = { problem: "self" | "unknown" | "cycle"; detail: string };

/**
 * The bundle's dependencies must name other services of the bundle and never go round in a circle: a task that waits
 * on itself, directly or through others, would never be released.
 */
export function checkDependencies(items: readonly { code: string; dependsOn: readonly string[] }[]): TDependencyProblem | null {
  const codes = new Set(items.map((item) => item.code));
  for (const item of items) {
    if (item.dependsOn.includes(item.code)) return { problem: "self", detail: item.code };
    const unknown = item.dependsOn.find((code) => !codes.has(code));
    if (unknown) return { problem: "unknown", detail: unknown };
  }
  const waitsOn = new Map(items.map((item) => [item.code, item.dependsOn]));
  const state = new Map<string, "visiting" | "done">();
  const visit = (code: string, path: string[]): string[] | null => {
    if (state.get(code) === "done") return null;
    if (state.get(code) === "visiting") return [...path.slice(path.indexOf(code)), code];
    state.set(code, "visiting");
    for (const next of waitsOn.get(code) ?? []) {
      const cycle = visit(next, [...path, code]);
      if (cycle) return cycle;
    }
    state.set(code, "done");
    return null;
  };
  for (const item of items) {
    const cycle = visit(item.code, []);
    if (cycle) return { problem: "cycle", detail: cycle.join(" → ") };
  }
  return null;
}

/** Sample answers, as a JSON object of answers; the answers' values are used as typed (numbers, true/false, lists). */
export function parseSampleAnswers(text: string): { ok: true; answers: Record<string, unknown> } | { ok: false; detail: string } {
  const trimmed = text.trim();
  if (trimmed.length > SAMPLE_ANSWERS_MAX_CHARS) return { ok: false, detail: `longer than ${SAMPLE_ANSWERS_MAX_CHARS} characters` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed === "" ? "{}" : trimmed);
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { ok: false, detail: "not a JSON object" };
  return { ok: true, answers: parsed as Record<string, unknown> };
}

/** A value of the type the form stores for a field, to start the "try it" box from. */
function sampleOf(field: TField): unknown {
  switch (field.type) {
    case "yesno":
      return false;
    case "number":
    case "money":
      return typeof field.min === "number" ? field.min : 0;
    case "select":
    case "radio":
      return field.options[0].value;
    case "checkbox-group":
      return [];
    default:
      return "";
  }
}

const routingTypes = new Set(["yesno", "number", "money", "select", "radio", "checkbox-group"]);

/**
 * Example answers for "try it": every field a routing rule of the bundle reads, and the base form's questions that
 * rules usually read (yes/no, numbers, choices), each with a value of its stored type.
 */
export function exampleAnswers(definition: TFormDefinition, base: TFormDefinition | null, rules: readonly (TLogicRule | null)[]): Record<string, unknown> {
  const read = new Set(rules.flatMap((rule) => (rule ? listRuleVariables(rule) : [])));
  const baseKeys = base ? fieldKeysOf(base) : new Set<string>();
  const example: Record<string, unknown> = {};
  for (const page of definition.pages) {
    for (const section of page.sections) {
      for (const field of section.fields) {
        if (read.has(field.key) || (baseKeys.has(field.key) && routingTypes.has(field.type))) example[field.key] = sampleOf(field);
      }
    }
  }
  return example;
}
