import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRuleShape, evaluateRule } from "@/lib/forms/logic";

describe("evaluateRule", () => {
  it("treats a missing rule as always true", () => {
    expect(evaluateRule(undefined, {})).toBe(true);
  });

  it("evaluates comparisons against the data", () => {
    const rule = { "==": [{ var: "hasOutdoorSign" }, true] };
    expect(evaluateRule(rule, { hasOutdoorSign: true })).toBe(true);
    expect(evaluateRule(rule, { hasOutdoorSign: false })).toBe(false);
    expect(evaluateRule(rule, {})).toBe(false);
    expect(evaluateRule({ ">=": [{ var: "employees" }, 10] }, { employees: 12 })).toBe(true);
    expect(evaluateRule({ in: [{ var: "district" }, ["gulou", "taijiang"]] }, { district: "gulou" })).toBe(true);
    expect(
      evaluateRule(
        { and: [{ "==": [{ var: "kind" }, "restaurant"] }, { "<": [{ var: "area" }, 150] }] },
        { kind: "restaurant", area: 80 },
      ),
    ).toBe(true);
    expect(evaluateRule({ if: [{ var: "a" }, { var: "b" }, false] }, { a: true, b: "x" })).toBe(true);
  });

  it("uses json-logic truthiness for the result", () => {
    expect(evaluateRule({ var: "name" }, { name: "" })).toBe(false);
    expect(evaluateRule({ var: "name" }, { name: "0" })).toBe(true);
    expect(evaluateRule({ var: "count" }, { count: 0 })).toBe(false);
    // `missing` returns a list; an empty list is falsy.
    expect(evaluateRule({ missing: ["a", "b"] }, { a: 1, b: 2 })).toBe(false);
    expect(evaluateRule({ missing: ["a", "b"] }, { a: 1 })).toBe(true);
    expect(evaluateRule({ cat: ["", ""] }, {})).toBe(false);
  });

  it("returns false for a rule that errors instead of throwing", () => {
    // "in" on a number calls indexOf on it and throws inside json-logic-js.
    expect(evaluateRule({ in: ["a", { var: "n" }] }, { n: 5 })).toBe(false);
  });

  it("returns false for a rule outside the whitelist, even one json-logic would run", () => {
    expect(evaluateRule({ method: [{ var: "name" }, "toUpperCase"] }, { name: "x" })).toBe(false);
    expect(evaluateRule({ log: true }, {})).toBe(false);
    expect(evaluateRule({ some: [[1], { "==": [{ var: "" }, 1] }] }, {})).toBe(false);
  });

  it("does not see Object.prototype through var", () => {
    expect(evaluateRule({ "!!": { var: "toString" } }, {})).toBe(false);
    expect(evaluateRule({ "!!": { var: "hasOwnProperty" } }, {})).toBe(false);
  });

  it("does not mutate the data", () => {
    const data = Object.freeze({ a: 1 });
    expect(evaluateRule({ "==": [{ var: "a" }, 1] }, data)).toBe(true);
  });

  it("never throws, whatever the rule and data", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()), (rule, data) => {
        expect(typeof evaluateRule(rule, data)).toBe("boolean");
      }),
    );
  });
});

describe("checkRuleShape", () => {
  it("accepts rules built from whitelisted operators", () => {
    for (const rule of [
      { "==": [{ var: "hasOutdoorSign" }, true] },
      { var: ["a", 0] },
      { var: ["a"] },
      { var: 0 },
      { and: [{ ">": [{ var: "a" }, 1] }, { "!": { var: "b" } }, { "!!": [{ var: "c" }] }] },
      { or: [{ "===": [1, 1] }, { "!==": [1, 2] }, { "!=": [1, 2] }] },
      { if: [{ "<=": [1, { var: "x" }, 3] }, "a", "b"] },
      { in: ["x", { cat: ["a", "x"] }] },
      { "+": [1, { "-": [2, 1] }, { "*": [2, 3] }, { "/": [4, 2] }, { "%": [5, 2] }] },
      { "<": [{ min: [1, 2] }, { max: [3, 4] }] },
      { missing: ["a", "b"] },
      { ">=": [{ var: "a" }, null] },
    ]) {
      expect(checkRuleShape(rule), JSON.stringify(rule)).toBeNull();
    }
  });

  it("rejects operators outside the whitelist, at any depth", () => {
    expect(checkRuleShape({ method: ["x", "toUpperCase"] })).toMatch(/"method" is not allowed/);
    expect(checkRuleShape({ and: [true, { log: "x" }] })).toMatch(/"log" is not allowed/);
    expect(checkRuleShape({ map: [[1, 2], { var: "" }] })).toMatch(/"map"/);
    expect(checkRuleShape({ "?:": [true, 1, 2] })).toMatch(/"\?:"/);
    expect(checkRuleShape({ "var.x": "a" })).toMatch(/not allowed/);
    expect(checkRuleShape({ substr: ["abc", 1] })).toMatch(/not allowed/);
    expect(checkRuleShape({ missing_some: [1, ["a", "b"]] })).toMatch(/not allowed/);
  });

  it("rejects objects that are not a single operation", () => {
    expect(checkRuleShape({})).toMatch(/exactly one operator/);
    expect(checkRuleShape({ "==": [1, 1], "!=": [1, 2] })).toMatch(/exactly one operator/);
    expect(checkRuleShape({ "==": [{ a: 1, b: 2 }, 1] })).toMatch(/exactly one operator/);
  });

  it("rejects non-object rules and non-JSON values", () => {
    expect(checkRuleShape(null)).not.toBeNull();
    expect(checkRuleShape(true)).not.toBeNull();
    expect(checkRuleShape("x")).not.toBeNull();
    expect(checkRuleShape([{ var: "a" }])).not.toBeNull();
    expect(checkRuleShape({ "==": [Number.NaN, 1] })).toMatch(/finite/);
    expect(checkRuleShape({ "==": [() => 1, 1] })).toMatch(/not JSON/);
    expect(checkRuleShape({ "==": [undefined, 1] })).toMatch(/not JSON/);
  });

  it("requires literal, safe var paths", () => {
    expect(checkRuleShape({ var: { cat: ["a", "b"] } })).toMatch(/literal string path/);
    expect(checkRuleShape({ var: [] })).toMatch(/path and an optional default/);
    expect(checkRuleShape({ var: ["a", 1, 2] })).toMatch(/path and an optional default/);
    expect(checkRuleShape({ var: "__proto__" })).toMatch(/may not read/);
    expect(checkRuleShape({ var: "a.constructor" })).toMatch(/may not read/);
    expect(checkRuleShape({ var: ["prototype.x", 1] })).toMatch(/may not read/);
    expect(checkRuleShape({ var: ["a", { method: ["x", "y"] }] })).toMatch(/"method"/);
  });

  it("rejects rules nested too deeply", () => {
    let rule: Record<string, unknown> = { var: "a" };
    for (let i = 0; i < 40; i += 1) rule = { "!": rule };
    expect(checkRuleShape(rule)).toMatch(/deeper/);
  });
});
