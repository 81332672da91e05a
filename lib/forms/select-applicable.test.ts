import { describe, expect, it } from "vitest";
import { selectApplicable } from "@/lib/forms/select-applicable";

const bundle = [
  { code: "BUSINESS-LICENCE", appliesWhen: null },
  { code: "FOOD-LICENCE", appliesWhen: { "==": [{ var: "sellsFood" }, true] } },
  { code: "URBAN-SIGNAGE", appliesWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
  { code: "FIRE-SAFETY", appliesWhen: { ">=": [{ var: "floorArea" }, 300] } },
  { code: "TAX-REGISTRATION", appliesWhen: undefined },
];

const codes = (answers: Record<string, unknown>) => selectApplicable(bundle, answers).map((item) => item.code);

describe("selectApplicable", () => {
  it("keeps items without a rule and those whose rule holds, in order", () => {
    expect(codes({ sellsFood: true, hasOutdoorSign: false, floorArea: 120 })).toEqual([
      "BUSINESS-LICENCE",
      "FOOD-LICENCE",
      "TAX-REGISTRATION",
    ]);
    expect(codes({ sellsFood: false, hasOutdoorSign: true, floorArea: 300 })).toEqual([
      "BUSINESS-LICENCE",
      "URBAN-SIGNAGE",
      "FIRE-SAFETY",
      "TAX-REGISTRATION",
    ]);
  });

  it("routes signage only on a real yes, not on the posted string", () => {
    // Answers must be validated (coerced) first: "yes" is not true.
    expect(codes({ hasOutdoorSign: "yes" })).not.toContain("URBAN-SIGNAGE");
    expect(codes({})).toEqual(["BUSINESS-LICENCE", "TAX-REGISTRATION"]);
  });

  it("excludes items whose rule is not allowed", () => {
    const items = [{ id: 1, appliesWhen: { method: ["x", "toString"] } }, { id: 2, appliesWhen: null }];
    expect(selectApplicable(items, {}).map((item) => item.id)).toEqual([2]);
  });

  it("returns a new array and leaves the input alone", () => {
    const result = selectApplicable(bundle, {});
    expect(result).not.toBe(bundle);
    expect(bundle).toHaveLength(5);
    expect(selectApplicable([], {})).toEqual([]);
  });
});
