/**
 * The one evaluator for json-logic rules in form definitions (show-when) and bundles (applies-when). Rules are
 * data written by service authors, so only a small whitelist of side-effect-free operators is allowed: no
 * `method` (calls arbitrary methods), no `log`, no dotted operator names, no array iteration.
 */
import jsonLogic, { type RulesLogic } from "json-logic-js";
import type { TLogicRule } from "@/lib/forms/definition";

const allowedOperators = new Set([
  "var", "==", "===", "!=", "!==", "!", "!!", "and", "or", "if", ">", ">=", "<", "<=",
  "in", "+", "-", "*", "/", "%", "min", "max", "missing", "cat",
]);

/** Path segments that would let a rule read from Object.prototype instead of the answers. */
const forbiddenPathSegments = new Set(["__proto__", "prototype", "constructor"]);

/** Deep enough for any hand-written rule, shallow enough that a hostile one cannot overflow the stack. */
const maxDepth = 32;

function checkVarPath(path: unknown, where: string): string | null {
  if (typeof path === "number" && Number.isInteger(path) && path >= 0) return null;
  if (typeof path !== "string") return `${where}: "var" needs a literal string path`;
  const blocked = path.split(".").find((segment) => forbiddenPathSegments.has(segment));
  return blocked === undefined ? null : `${where}: "var" may not read "${blocked}"`;
}

function checkNode(node: unknown, where: string, depth: number): string | null {
  if (depth > maxDepth) return `${where}: rule nested deeper than ${maxDepth} levels`;
  if (node === null || typeof node === "string" || typeof node === "boolean") return null;
  if (typeof node === "number") return Number.isFinite(node) ? null : `${where}: numbers must be finite`;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const error = checkNode(node[i], `${where}[${i}]`, depth + 1);
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
    return checkVarPath(args[0], here) ?? (args.length === 2 ? checkNode(args[1], `${here}[1]`, depth + 1) : null);
  }
  return checkNode(args, here, depth + 1);
}

/** Returns why a rule may not be used, or null if its shape and operators are acceptable. */
export function checkRuleShape(rule: unknown): string | null {
  if (rule === null || typeof rule !== "object" || Array.isArray(rule)) return "a rule must be an operation object";
  return checkNode(rule, "rule", 0);
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
    // A prototype-less copy, so {"var": "toString"} finds nothing rather than Object.prototype.toString.
    const scope: Record<string, unknown> = Object.assign(Object.create(null), data);
    // The whitelist above has checked the shape; json-logic-js's types cannot express "checked at run time".
    return jsonLogic.truthy(jsonLogic.apply(rule as RulesLogic, scope));
  } catch {
    return false;
  }
}
