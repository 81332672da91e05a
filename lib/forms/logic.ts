/**
 * The one evaluator for json-logic rules in form definitions (show-when, required-when, computed values,
 * cross-field rules) and bundles (applies-when). Rules are data written by service authors, so only a whitelist
 * of side-effect-free operators is allowed: no `method` (calls arbitrary methods), no `log`, no dotted operator
 * names. The array operators (map, filter, reduce, all, some, none, merge) are allowed because the arrays they
 * walk are answers bounded by a group's maxItems; their nesting is limited so work stays linear-ish.
 */
import jsonLogic, { type RulesLogic } from "json-logic-js";
import { z } from "zod";

const allowedOperators = new Set([
  "var", "==", "===", "!=", "!==", "!", "!!", "and", "or", "if", ">", ">=", "<", "<=",
  "in", "+", "-", "*", "/", "%", "min", "max", "missing", "cat",
  "map", "filter", "reduce", "all", "some", "none", "merge",
]);

/** Operators whose second argument is a rule run once per element, with the element (or reduce's pair) as data. */
const iteratingOperators = new Set(["map", "filter", "reduce", "all", "some", "none"]);

/** Path segments that would let a rule read from Object.prototype instead of the answers. */
const forbiddenPathSegments = new Set(["__proto__", "prototype", "constructor"]);

/** Deep enough for any hand-written rule, shallow enough that a hostile one cannot overflow the stack. */
const maxDepth = 32;

/** A loop inside a loop over 100 group items is 10,000 evaluations; a third level would be a million. */
const maxIterationNesting = 2;

function checkVarPath(path: unknown, where: string): string | null {
  if (typeof path === "number" && Number.isInteger(path) && path >= 0) return null;
  if (typeof path !== "string") return `${where}: "var" needs a literal string path`;
  const blocked = path.split(".").find((segment) => forbiddenPathSegments.has(segment));
  return blocked === undefined ? null : `${where}: "var" may not read "${blocked}"`;
}

function checkNode(node: unknown, where: string, depth: number, loops: number): string | null {
  if (depth > maxDepth) return `${where}: rule nested deeper than ${maxDepth} levels`;
  if (node === null || typeof node === "string" || typeof node === "boolean") return null;
  if (typeof node === "number") return Number.isFinite(node) ? null : `${where}: numbers must be finite`;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const error = checkNode(node[i], `${where}[${i}]`, depth + 1, loops);
      if (error) return error;
    }
    return null;
  }
  if (typeof node !== "object") return `${where}: ${typeof node} is not JSON`;

  const keys = Object.keys(node);
  // json-logic would treat a multi-key object as literal data; in a definition that is almost always a typo.
  if (keys.length !== 1) return `${where}: an operation object must have exactly one operator, found ${keys.length}`;
  const operator = keys[0];
  if (!allowedOperators.has(operator)) return `${where}: operator "${operator}" is not allowed`;
  const args = (node as Record<string, unknown>)[operator];
  const here = `${where}.${operator}`;

  if (operator === "var") {
    // {"var": "a"}, {"var": ["a"]} or {"var": ["a", default]}; the path itself must not be computed.
    if (!Array.isArray(args)) return checkVarPath(args, here);
    if (args.length < 1 || args.length > 2) return `${here}: "var" takes a path and an optional default`;
    return checkVarPath(args[0], here) ?? (args.length === 2 ? checkNode(args[1], `${here}[1]`, depth + 1, loops) : null);
  }
  if (iteratingOperators.has(operator)) {
    const arity = operator === "reduce" ? "an array, a rule and an optional initial value" : "an array and a rule";
    if (!Array.isArray(args) || args.length < 2 || args.length > (operator === "reduce" ? 3 : 2)) return `${here}: "${operator}" takes ${arity}`;
    if (loops + 1 > maxIterationNesting) return `${here}: array operators nested more than ${maxIterationNesting} deep`;
    return (
      checkNode(args[0], `${here}[0]`, depth + 1, loops) ??
      checkNode(args[1], `${here}[1]`, depth + 1, loops + 1) ??
      (args.length === 3 ? checkNode(args[2], `${here}[2]`, depth + 1, loops) : null)
    );
  }
  return checkNode(args, here, depth + 1, loops);
}

/** Rules are immutable data shared by every evaluation of a definition, so their check is done once each. */
const shapeCache = new WeakMap<object, string | null>();

/** Returns why a rule may not be used, or null if its shape and operators are acceptable. */
export function checkRuleShape(rule: unknown): string | null {
  if (rule === null || typeof rule !== "object" || Array.isArray(rule)) return "a rule must be an operation object";
  const cached = shapeCache.get(rule);
  if (cached !== undefined) return cached;
  const problem = checkNode(rule, "rule", 0, 0);
  shapeCache.set(rule, problem);
  return problem;
}

/** A json-logic rule, e.g. `{ "==": [{ "var": "hasOutdoorSign" }, true] }`; its operators are whitelisted. */
export const ZLogicRule = z.record(z.string(), z.unknown()).superRefine((rule, ctx) => {
  const problem = checkRuleShape(rule);
  // The detail stays technical (operators, paths); lib/forms/definition-issue.ts gives it a translated lead-in.
  if (problem) ctx.addIssue({ code: "custom", message: problem, params: { issue: "logic-rule", detail: problem } });
});
export type TLogicRule = z.infer<typeof ZLogicRule>;

/** True when no object in the data's prototype chain is Object.prototype, so `var` finds only the answers. */
function isPrototypeFree(data: object): boolean {
  for (let proto = Object.getPrototypeOf(data); proto !== null; proto = Object.getPrototypeOf(proto)) {
    if (proto === Object.prototype) return false;
  }
  return true;
}

/** Runs a checked rule; the caller handles the "not allowed" and "threw" outcomes. */
function run(rule: object, data: Record<string, unknown>): unknown {
  // A prototype-less scope, so {"var": "toString"} finds nothing rather than Object.prototype.toString. Scopes
  // built by the form engine already are (and are not copied again); anything else is copied once.
  const scope = isPrototypeFree(data) ? data : Object.assign(Object.create(null) as Record<string, unknown>, data);
  // The whitelist has checked the shape; json-logic-js's types cannot express "checked at run time".
  return jsonLogic.apply(rule as RulesLogic, scope);
}

/**
 * Whether a rule holds for the data, by json-logic truthiness ([] and "" are false, "0" is true).
 * No rule means "always". A rule that fails the whitelist or throws is false: a broken condition must hide a
 * field or skip a bundle item rather than take the whole form down.
 */
export function evaluateRule(rule: TLogicRule | undefined, data: Record<string, unknown>): boolean {
  if (rule === undefined) return true;
  if (checkRuleShape(rule) !== null) return false;
  try {
    return jsonLogic.truthy(run(rule, data));
  } catch {
    return false;
  }
}

/**
 * The value a rule computes (for computed fields), not its truthiness. A rule that fails the whitelist or
 * throws gives undefined, and so does a result that is not data (a function reached through a `var` into an
 * element's prototype inside map).
 */
export function evaluateValue(rule: TLogicRule | undefined, data: Record<string, unknown>): unknown {
  if (rule === undefined || checkRuleShape(rule) !== null) return undefined;
  try {
    const value = run(rule, data);
    return typeof value === "function" ? undefined : value;
  } catch {
    return undefined;
  }
}

const variablesCache = new WeakMap<object, string[]>();

function collectVariables(node: unknown, into: Set<string>): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) collectVariables(item, into);
    return;
  }
  const keys = Object.keys(node);
  if (keys.length !== 1) return;
  const operator = keys[0];
  const args = (node as Record<string, unknown>)[operator];
  if (operator === "var") {
    const path = Array.isArray(args) ? args[0] : args;
    if (typeof path === "string" && path !== "") into.add(path.split(".")[0]);
    if (Array.isArray(args) && args.length === 2) collectVariables(args[1], into);
    return;
  }
  if (operator === "missing") {
    // {"missing": ["a", "b"]} names variables as plain strings.
    for (const name of Array.isArray(args) ? args : [args]) {
      if (typeof name === "string" && name !== "") into.add(name.split(".")[0]);
      else collectVariables(name, into);
    }
    return;
  }
  if (iteratingOperators.has(operator) && Array.isArray(args)) {
    // The body (args[1]) reads the element or {current, accumulator}, not the form's answers.
    collectVariables(args[0], into);
    if (args.length === 3) collectVariables(args[2], into);
    return;
  }
  collectVariables(args, into);
}

/**
 * The answers a rule reads: the first path segment of every `var` outside the per-element bodies of the array
 * operators. Used to check a cross-field rule only when every field it reads has a valid answer.
 */
export function listRuleVariables(rule: TLogicRule | undefined): string[] {
  if (rule === undefined || rule === null || typeof rule !== "object") return [];
  const cached = variablesCache.get(rule);
  if (cached) return cached;
  const into = new Set<string>();
  collectVariables(rule, into);
  const variables = [...into];
  variablesCache.set(rule, variables);
  return variables;
}
