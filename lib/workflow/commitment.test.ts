import { describe, expect, it } from "vitest";
import { commitmentGiven, ZCommitmentRule } from "./commitment";

describe("commitmentGiven", () => {
  const rule = ZCommitmentRule.parse({ field: "useCommitment", value: true, inspectionDays: 20 });
  it("holds only for the service's answer that means yes", () => {
    expect(commitmentGiven(rule, { useCommitment: true })).toBe(true);
    expect(commitmentGiven(rule, { useCommitment: false })).toBe(false);
    // As posted, before coercion: not the stored yes.
    expect(commitmentGiven(rule, { useCommitment: "yes" })).toBe(false);
    expect(commitmentGiven(rule, {})).toBe(false);
  });
  it("never holds for a service without the setting", () => {
    expect(commitmentGiven(null, { useCommitment: true })).toBe(false);
    expect(commitmentGiven(undefined, { useCommitment: true })).toBe(false);
  });
  it("refuses a setting without a field or with a window of no working days", () => {
    expect(ZCommitmentRule.safeParse({ field: "", value: true, inspectionDays: 20 }).success).toBe(false);
    expect(ZCommitmentRule.safeParse({ field: "useCommitment", value: true, inspectionDays: 0 }).success).toBe(false);
  });
});
