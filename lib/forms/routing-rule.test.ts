import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "@/lib/forms/definition";
import { checkDependencies, exampleAnswers, parseRoutingRule, parseSampleAnswers } from "./routing-rule";
import { routeComponents } from "./select-applicable";

const fields = new Set(["hasOutdoorSign", "businessArea", "seats"]);

describe("parseRoutingRule", () => {
  it("reads an empty rule as 'always applies'", () => {
    expect(parseRoutingRule("  \n", fields)).toEqual({ ok: true, rule: null });
  });
  it("accepts a json-logic rule over the bundle's fields", () => {
    expect(parseRoutingRule('{"and": [{"==": [{"var": "hasOutdoorSign"}, true]}, {">": [{"var": "businessArea"}, 500]}]}', fields)).toMatchObject({ ok: true });
  });
  it.each([
    ["not JSON", "{seats > 50}", "json"],
    ["too long", `{"==": [1, "${"x".repeat(10_001)}"]}`, "json"],
    ["a number, not a rule", "42", "shape"],
    ["an operator outside the whitelist", '{"method": [{"var": "seats"}, "toString"]}', "shape"],
    ["two operators in one object", '{"==": [1, 1], ">": [2, 1]}', "shape"],
    ["a computed var path", '{"var": {"cat": ["se", "ats"]}}', "shape"],
    ["a prototype path", '{"==": [{"var": "__proto__"}, 1]}', "shape"],
    ["a field the form does not ask", '{"==": [{"var": "hasDragon"}, true]}', "unknown-field"],
    ["a field named in missing", '{"missing": ["hasDragon"]}', "unknown-field"],
  ])("refuses %s, saying why", (_what, text, problem) => {
    const result = parseRoutingRule(text, fields);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? "" : result.detail).not.toBe("");
  });
});

describe("checkDependencies", () => {
  const items = (pairs: Record<string, string[]>) => Object.entries(pairs).map(([code, dependsOn]) => ({ code, dependsOn }));
  it("accepts a chain and parallel tasks", () => {
    expect(checkDependencies(items({ HEALTH: [], POLICE: ["HEALTH"], MEDINS: ["POLICE"], HRSS: ["POLICE"] }))).toBeNull();
  });
  it("refuses a service waiting on itself", () => {
    expect(checkDependencies(items({ A: ["A"] }))).toEqual({ problem: "self", detail: "A" });
  });
  it("refuses a dependency outside the bundle", () => {
    expect(checkDependencies(items({ A: ["Z"] }))).toEqual({ problem: "unknown", detail: "Z" });
  });
  it("refuses a circle, naming it", () => {
    expect(checkDependencies(items({ A: ["C"], B: ["A"], C: ["B"] }))).toEqual({ problem: "cycle", detail: "A → C → B → A" });
  });
});

describe("routeComponents", () => {
  const component = (code: string, appliesWhen: Record<string, unknown> | null, dependsOn: string[] = []) => ({ service: { code }, appliesWhen, dependsOn });
  it("says which items apply and why, and waits only for prerequisites that apply", () => {
    const routed = routeComponents([component("A", null), component("B", { "==": [{ var: "x" }, 1] }), component("C", null, ["A", "B"])], { x: 2 });
    expect(routed.map(({ component: { service }, applies, reason, waitsFor }) => ({ code: service.code, applies, reason, waitsFor }))).toEqual([
      { code: "A", applies: true, reason: "always", waitsFor: [] },
      { code: "B", applies: false, reason: "rule-not-held", waitsFor: [] },
      { code: "C", applies: true, reason: "always", waitsFor: ["A"] },
    ]);
  });
});

describe("sample answers", () => {
  it("takes a JSON object, and refuses anything else", () => {
    expect(parseSampleAnswers("")).toEqual({ ok: true, answers: {} });
    expect(parseSampleAnswers('{"seats": 60}')).toEqual({ ok: true, answers: { seats: 60 } });
    expect(parseSampleAnswers("[1]")).toMatchObject({ ok: false });
    expect(parseSampleAnswers("{")).toMatchObject({ ok: false });
  });
  it("prefills the base form's routing questions and what the rules read, each of its stored type", () => {
    const label = { "zh-Hans": "x", "zh-Hant": "x", en: "x" };
    const definition = ZFormDefinition.parse({
      schemaVersion: 1,
      pages: [
        {
          key: "p",
          title: label,
          sections: [
            {
              key: "s",
              fields: [
                { key: "shopName", type: "text", label },
                { key: "hasOutdoorSign", type: "yesno", label },
                { key: "seats", type: "number", label, min: 0 },
                { key: "kind", type: "select", label, options: [{ value: "hot-food", label }] },
                { key: "signText", type: "text", label },
              ],
            },
          ],
        },
      ],
    });
    const base = { ...definition, pages: [{ ...definition.pages[0], sections: [{ ...definition.pages[0].sections[0], fields: definition.pages[0].sections[0].fields.slice(0, 4) }] }] };
    expect(exampleAnswers(definition, base, [{ "==": [{ var: "signText" }, "x"] }, null])).toEqual({ hasOutdoorSign: false, seats: 0, kind: "hot-food", signText: "" });
  });
});
