import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "./definition";
import { narrowAnswers, narrowDefinition } from "./narrow-definition";

const text = (key: string) => ({ key, type: "text", label: { "zh-Hans": key, "zh-Hant": key, en: key } });
const title = { "zh-Hans": "页", "zh-Hant": "頁", en: "Page" };
const definition = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    { key: "one", title, sections: [{ key: "a", title, fields: [text("shared"), text("food")] }, { key: "b", title, fields: [text("fire")] }] },
    { key: "two", title, sections: [{ key: "c", title, fields: [text("sign")] }] },
  ],
  rules: [{ key: "r", field: "food", rule: { "==": [1, 1] }, message: title }],
});

describe("narrowDefinition", () => {
  it("keeps only the given fields in order and drops sections and pages left empty, and the rules", () => {
    const narrowed = narrowDefinition(definition, new Set(["shared", "sign"]));
    expect(narrowed.pages.map((page) => [page.key, page.sections.map((section) => [section.key, section.fields.map((field) => field.key)])])).toEqual([
      ["one", [["a", ["shared"]]]],
      ["two", [["c", ["sign"]]]],
    ]);
    expect(narrowed.rules).toEqual([]);
    // The original is untouched (it may be a cached definition).
    expect(definition.pages[0].sections).toHaveLength(2);
  });

  it("drops the answers outside the set", () => {
    expect(narrowAnswers({ shared: 1, food: 2, sign: 3 }, new Set(["shared", "sign"]))).toEqual({ shared: 1, sign: 3 });
  });
});
