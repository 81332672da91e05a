import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRuleShape, evaluateRule, evaluateValue, listRuleVariables } from "@/lib/forms/logic";

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
    expect(evaluateRule({ substr: ["abc", 1] }, {})).toBe(false);
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

describe("array operators", () => {
  const shareholders = [
    { name: "甲", share: 60, foreign: false },
    { name: "乙", share: 40, foreign: true },
  ];
  const sum = { reduce: [{ var: "shareholders" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] };

  it("sums a group with reduce", () => {
    expect(evaluateValue(sum, { shareholders })).toBe(100);
    expect(evaluateRule({ "==": [sum, 100] }, { shareholders })).toBe(true);
    expect(evaluateRule({ "==": [sum, 100] }, { shareholders: [shareholders[0]] })).toBe(false);
    expect(evaluateValue(sum, {})).toBe(0);
  });

  it("maps, filters and tests items", () => {
    expect(evaluateValue({ map: [{ var: "shareholders" }, { var: "name" }] }, { shareholders })).toEqual(["甲", "乙"]);
    expect(evaluateValue({ filter: [{ var: "shareholders" }, { var: "foreign" }] }, { shareholders })).toEqual([shareholders[1]]);
    expect(evaluateRule({ some: [{ var: "shareholders" }, { var: "foreign" }] }, { shareholders })).toBe(true);
    expect(evaluateRule({ all: [{ var: "shareholders" }, { ">": [{ var: "share" }, 50] }] }, { shareholders })).toBe(false);
    expect(evaluateRule({ none: [{ var: "shareholders" }, { "<": [{ var: "share" }, 0] }] }, { shareholders })).toBe(true);
    expect(evaluateValue({ merge: [[1], { var: "more" }] }, { more: [2, 3] })).toEqual([1, 2, 3]);
  });

  it("limits loops inside loops and checks their arity", () => {
    const inner = { map: [{ var: "xs" }, { var: "" }] };
    expect(checkRuleShape({ map: [{ var: "a" }, inner] })).toBeNull();
    expect(checkRuleShape({ map: [{ var: "a" }, { map: [{ var: "b" }, inner] }] })).toMatch(/nested more than 2/);
    // A loop in the array argument runs once, not per element, so it does not count.
    expect(checkRuleShape({ map: [{ filter: [{ var: "a" }, true] }, inner] })).toBeNull();
    expect(checkRuleShape({ map: [{ var: "a" }] })).toMatch(/takes an array and a rule/);
    expect(checkRuleShape({ reduce: [{ var: "a" }, 1, 0, 4] })).toMatch(/optional initial value/);
    expect(checkRuleShape({ map: [{ var: "a" }, { var: "current.__proto__" }] })).toMatch(/may not read/);
  });

  it("does not leak prototype methods as values", () => {
    // An element is a plain object, so a var can reach its prototype's methods; they never come out as values.
    expect(evaluateValue({ var: "items.0.toString" }, { items: [{}] })).toBeUndefined();
    expect(evaluateValue({ var: "toString" }, {})).toBeNull();
  });
});

describe("evaluateValue", () => {
  it("returns the rule's value, not its truthiness", () => {
    expect(evaluateValue({ "*": [{ var: "area" }, 2] }, { area: 12.5 })).toBe(25);
    expect(evaluateValue({ cat: [{ var: "a" }, "-", { var: "b" }] }, { a: "x", b: 1 })).toBe("x-1");
    expect(evaluateValue({ var: "missing" }, {})).toBeNull();
    expect(evaluateValue(undefined, {})).toBeUndefined();
  });

  it("gives undefined for a rule that is not allowed or throws", () => {
    expect(evaluateValue({ method: [{ var: "a" }, "toUpperCase"] }, { a: "x" })).toBeUndefined();
    expect(evaluateValue({ in: ["a", { var: "n" }] }, { n: 5 })).toBe(false);
  });

  it("never throws", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue()), (rule, data) => {
        evaluateValue(rule, data);
      }),
      { numRuns: 200 },
    );
  });
});

describe("listRuleVariables", () => {
  it("names the first segment of every var outside loop bodies", () => {
    expect(listRuleVariables({ "<=": [{ var: "period.from" }, { var: ["openingDate", "2026-01-01"] }] })).toEqual(["period", "openingDate"]);
    expect(
      listRuleVariables({
        "==": [{ reduce: [{ var: "shareholders" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, { var: "base" }] }, 100],
      }),
    ).toEqual(["shareholders", "base"]);
    expect(listRuleVariables({ missing: ["a", "b.c"] })).toEqual(["a", "b"]);
    expect(listRuleVariables({ "!": { var: "" } })).toEqual([]);
    expect(listRuleVariables({ var: ["a", { var: "b" }] })).toEqual(["a", "b"]);
  });

  it("returns the same list for the same rule object", () => {
    const rule = { var: "a" };
    expect(listRuleVariables(rule)).toBe(listRuleVariables(rule));
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
      { some: [{ var: "items" }, { "==": [{ var: "" }, 1] }] },
      { "==": [{ reduce: [{ var: "g" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] }, 100] },
      { merge: [[1], { var: "a" }] },
    ]) {
      expect(checkRuleShape(rule), JSON.stringify(rule)).toBeNull();
    }
  });

  it("rejects operators outside the whitelist, at any depth", () => {
    expect(checkRuleShape({ method: ["x", "toUpperCase"] })).toMatch(/"method" is not allowed/);
    expect(checkRuleShape({ and: [true, { log: "x" }] })).toMatch(/"log" is not allowed/);
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
