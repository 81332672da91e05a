import { describe, expect, it } from "vitest";
import { fieldId } from "./field-id";

describe("fieldId", () => {
  it("prefixes a field key", () => {
    expect(fieldId("applicantName")).toBe("field-applicantName");
  });

  it("turns the dots of a group path into hyphens, so the id needs no escaping in a selector", () => {
    expect(fieldId("shareholders.1.name")).toBe("field-shareholders-1-name");
    expect(isSelectorSafe(fieldId("shareholders.1.name"))).toBe(true);
  });

  it("keeps distinct paths distinct (keys are camelCase, so a hyphen never comes from a key)", () => {
    const paths = ["a", "a.0.b", "a.1.b", "a.0.c", "ab", "a0.b"];
    expect(new Set(paths.map(fieldId)).size).toBe(paths.length);
  });
});

/** Usable as `#id` in querySelector without CSS.escape. */
function isSelectorSafe(id: string) {
  return /^[A-Za-z][\w-]*$/.test(id);
}
