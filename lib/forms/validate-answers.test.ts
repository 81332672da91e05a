/**
 * The walk over a whole form: groups, show-when and required-when, computed and fixed values, cross-field rules,
 * one page's errors, tampered posts.
 */
import { describe, expect, it } from "vitest";
import { listVisibleFields } from "@/lib/forms/validate-answers";
import { ZFormDefinition } from "@/lib/forms/definition";
import { text, options, defineForm, validate, errorOf } from "@/lib/forms/validate-answers.fixtures";

describe("groups", () => {
  const form = defineForm(
    [
      {
        key: "shareholders",
        type: "group",
        required: true,
        maxItems: 3,
        fields: [
          { key: "name", type: "text", required: true },
          { key: "share", type: "number", required: true, min: 0, max: 100 },
          { key: "foreign", type: "yesno" },
          { key: "passport", type: "text", required: true, showWhen: { "==": [{ var: "foreign" }, true] } },
        ],
      },
    ],
    [
      {
        key: "sharesAddUp",
        field: "shareholders",
        rule: { "==": [{ reduce: [{ var: "shareholders" }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] }, 100] },
      },
    ],
  );

  it("reads items from an array or from readFormData's numbered object", () => {
    const answers = { shareholders: [{ name: "甲", share: 60 }, { name: "乙", share: 40, foreign: false }] };
    expect(validate(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "40", foreign: "no" }] }).answers).toEqual(answers);
    expect(validate(form, { shareholders: { "1": { name: "乙", share: "40", foreign: "no" }, "0": { name: "甲", share: "60" } } }).answers).toEqual(answers);
  });

  it("drops wholly empty items and reports item errors at group.index.key", () => {
    const result = validate(form, {
      shareholders: { "0": { name: "", share: "" }, "1": { name: "甲", share: "60" }, "2": { name: " " }, "5": { share: "abc", foreign: "yes" } },
    });
    expect(result.errors).toEqual({
      "shareholders.1.name": { code: "required" },
      "shareholders.1.share": { code: "not-a-number" },
      "shareholders.1.passport": { code: "required" },
    });
    expect(result.keep.shareholders).toEqual([{ name: "甲", share: 60 }, { share: "abc", foreign: true }]);
    expect(result.answers).toEqual({});
  });

  it("counts items", () => {
    expect(errorOf(form, {}, "shareholders")).toEqual({ code: "too-few-items", params: { min: 1 } });
    const many = Array.from({ length: 5 }, (_, index) => ({ name: `股东${index}`, share: "20" }));
    const result = validate(form, { shareholders: many });
    expect(result.errors).toEqual({ shareholders: { code: "too-many-items", params: { max: 3 } } });
    expect(result.keep.shareholders).toHaveLength(3);
    const minimum = defineForm([{ key: "members", type: "group", minItems: 2, fields: [{ key: "name", type: "text" }] }]);
    expect(errorOf(minimum, { members: [{ name: "a" }] }, "members")).toEqual({ code: "too-few-items", params: { min: 2 } });
    expect(validate(defineForm([{ key: "members", type: "group", fields: [{ key: "name", type: "text" }] }]), {}).ok).toBe(true);
  });

  it("checks that shares add up to 100 with reduce, once every item is valid", () => {
    expect(errorOf(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "30" }] }, "shareholders")).toEqual({
      code: "rule-failed",
      rule: "sharesAddUp",
    });
    // An invalid item hides the sum: fix the item first.
    expect(validate(form, { shareholders: [{ name: "甲", share: "60" }, { name: "乙", share: "x" }] }).errors).toEqual({
      "shareholders.1.share": { code: "not-a-number" },
    });
  });

  it("lets item rules see the item's answers over the form's", () => {
    const nested = defineForm([
      { key: "country", type: "text" },
      {
        key: "members",
        type: "group",
        fields: [
          { key: "country", type: "text" },
          { key: "visa", type: "text", required: true, showWhen: { "!=": [{ var: "country" }, "CN"] } },
          { key: "home", type: "text", required: true, showWhen: { "==": [{ var: "city" }, "SH"] } },
        ],
      },
      { key: "city", type: "text" },
    ]);
    const result = validate(nested, { country: "CN", members: [{ country: "FR" }, { visa: "x" }] });
    expect(result.errors).toEqual({ "members.0.visa": { code: "required" } });
    // The second item's visa is hidden (its country falls back to the form's CN), so nothing typed survives
    // and the item is dropped; `city` comes after the group, so no item sees it.
    expect(result.keep.members).toEqual([{ country: "FR" }]);
  });
});

describe("show-when and required-when", () => {
  const form = defineForm([
    { key: "hasOutdoorSign", type: "yesno", required: true },
    { key: "signArea", type: "number", required: true, showWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
    { key: "signLit", type: "yesno", showWhen: { ">": [{ var: "signArea" }, 0] } },
    { key: "lightingHours", type: "text", requiredWhen: { "==": [{ var: "signLit" }, true] } },
  ]);

  it("validates a shown field and strips a hidden one, whatever was posted for it", () => {
    expect(errorOf(form, { hasOutdoorSign: "yes" }, "signArea")).toEqual({ code: "required" });
    const hidden = validate(form, { hasOutdoorSign: "no", signArea: "abc", signLit: "maybe" });
    expect(hidden).toEqual({ ok: true, answers: { hasOutdoorSign: false }, keep: { hasOutdoorSign: false }, errors: {} });
  });

  it("hides a field whose controlling field is itself hidden or invalid", () => {
    const raw = { hasOutdoorSign: "no", signArea: "10", signLit: "yes" };
    expect(validate(form, raw).answers).toEqual({ hasOutdoorSign: false });
    expect(listVisibleFields(form, raw).map((f) => f.key)).toEqual(["hasOutdoorSign", "lightingHours"]);
    const invalid = validate(form, { hasOutdoorSign: "yes", signArea: "big", signLit: "yes" });
    expect(invalid.errors).toEqual({ signArea: { code: "not-a-number" } });
    expect(invalid.keep).toEqual({ hasOutdoorSign: true, signArea: "big" });
  });

  it("requires a field only while its required-when holds", () => {
    expect(validate(form, { hasOutdoorSign: "yes", signArea: "2", signLit: "no" }).ok).toBe(true);
    expect(errorOf(form, { hasOutdoorSign: "yes", signArea: "2", signLit: "yes" }, "lightingHours")).toEqual({ code: "required" });
  });

  it("hides a field whose rule is not allowed rather than failing", () => {
    const broken = defineForm([{ key: "a", type: "text" }, { key: "b", type: "text", required: true }]);
    (broken.pages[0].sections[0].fields[1] as { showWhen?: unknown }).showWhen = { method: [{ var: "a" }, "toString"] };
    expect(validate(broken, { a: "x", b: "y" }).answers).toEqual({ a: "x" });
  });

  it("walks pages and sections, which have show-when too", () => {
    const multi = ZFormDefinition.parse({
      schemaVersion: 1,
      pages: [
        { key: "one", title: text("1"), sections: [{ key: "s", fields: [{ key: "married", label: text("m"), type: "yesno" }] }] },
        {
          key: "two",
          title: text("2"),
          showWhen: { "==": [{ var: "married" }, true] },
          sections: [{ key: "spouse", fields: [{ key: "spouseName", label: text("n"), type: "text", required: true }] }],
        },
        {
          key: "three",
          title: text("3"),
          sections: [
            { key: "kids", showWhen: { "==": [{ var: "married" }, true] }, fields: [{ key: "children", label: text("c"), type: "number" }] },
            { key: "end", fields: [{ key: "note", label: text("n"), type: "text" }] },
          ],
        },
      ],
    });
    expect(errorOf(multi, { married: "yes" }, "spouseName")).toEqual({ code: "required" });
    expect(validate(multi, { married: "no", spouseName: "x", children: "2", note: "n" }).answers).toEqual({ married: false, note: "n" });
  });
});

describe("computed and fixed values", () => {
  const form = defineForm([
    { key: "area", type: "number" },
    { key: "pricePerSquareMetre", type: "money" },
    { key: "total", type: "money", compute: { "*": [{ var: "area" }, { var: "pricePerSquareMetre" }] } },
    { key: "summary", type: "text", compute: { cat: ["面积 ", { var: "area" }] } },
    { key: "double", type: "number", max: 100, compute: { "*": [{ var: "area" }, 2] } },
    { key: "name", type: "text", required: true },
  ]);

  it("computes values from the answers before, ignoring what was posted", () => {
    const result = validate(form, { area: "12.5", pricePerSquareMetre: "3.33", total: "1", summary: "forged", double: "0", name: "x" });
    expect(result.answers).toEqual({ area: 12.5, pricePerSquareMetre: 333, total: 4163, summary: "面积 12.5", double: 25, name: "x" });
    expect(result.keep.total).toBe(4163);
  });

  it("reports a computed value that breaks its field's bounds", () => {
    expect(errorOf(form, { area: "60", name: "x" }, "double")).toEqual({ code: "too-large", params: { max: 100 } });
  });

  it("gives fixed (locked prefill) values priority over posted ones", () => {
    const result = validate(form, { name: "Forged" }, { fixed: { name: "张三", unknown: "x" } });
    expect(result.answers.name).toBe("张三");
    expect(result.answers).not.toHaveProperty("unknown");
    expect(errorOf(form, { name: "Forged" }, "name", { fixed: { name: "" } })).toEqual({ code: "required" });
  });
});

describe("cross-field rules", () => {
  const form = defineForm(
    [
      { key: "openingDate", type: "date" },
      { key: "closingDate", type: "date" },
      { key: "kind", type: "select", options: options("shop", "stall") },
    ],
    [{ key: "closesAfterOpening", field: "closingDate", rule: { ">": [{ var: "closingDate" }, { var: "openingDate" }] } }],
  );

  it("fails at its field with the rule's key", () => {
    expect(validate(form, { openingDate: "2026-03-01", closingDate: "2026-02-01" }).errors).toEqual({
      closingDate: { code: "rule-failed", rule: "closesAfterOpening" },
    });
    expect(validate(form, { openingDate: "2026-03-01", closingDate: "2026-04-01" }).ok).toBe(true);
  });

  it("waits until every field it reads has a valid answer", () => {
    expect(validate(form, { closingDate: "2026-02-01" }).ok).toBe(true);
    expect(validate(form, { openingDate: "nope", closingDate: "2026-02-01" }).errors).toEqual({ openingDate: { code: "invalid-date" } });
  });

  it("keeps each field's valid answer when the rule between them fails", () => {
    const result = validate(form, { openingDate: "2026-03-01", closingDate: "2026-02-01" });
    expect(result.answers).toEqual({ openingDate: "2026-03-01", closingDate: "2026-02-01" });
  });
});

describe("pageKey", () => {
  const form = ZFormDefinition.parse({
    schemaVersion: 1,
    pages: [
      { key: "one", title: text("1"), sections: [{ key: "a", fields: [{ key: "start", label: text("s"), type: "date", required: true }] }] },
      {
        key: "two",
        title: text("2"),
        sections: [
          {
            key: "b",
            fields: [
              { key: "end", label: text("e"), type: "date", required: true },
              { key: "people", label: text("p"), type: "group", itemLabel: text("i"), fields: [{ key: "age", label: text("a"), type: "number" }] },
            ],
          },
        ],
      },
    ],
    rules: [{ key: "endAfterStart", field: "end", rule: { ">=": [{ var: "end" }, { var: "start" }] }, message: text("m") }],
  });

  it("reports only the errors of that page, but answers and keeps everything", () => {
    const raw = { start: "2026-03-01", end: "bad", people: [{ age: "x" }] };
    expect(validate(form, raw, { pageKey: "one" })).toEqual({
      ok: true,
      answers: { start: "2026-03-01" },
      keep: { start: "2026-03-01", end: "bad", people: [{ age: "x" }] },
      errors: {},
    });
    expect(validate(form, raw, { pageKey: "two" }).errors).toEqual({ end: { code: "invalid-date" }, "people.0.age": { code: "not-a-number" } });
    expect(validate(form, { end: "2026-01-01" }, { pageKey: "two" }).ok).toBe(true);
    expect(validate(form, { start: "2026-03-01", end: "2026-01-01" }, { pageKey: "two" }).errors).toEqual({
      end: { code: "rule-failed", rule: "endAfterStart" },
    });
    expect(validate(form, { start: "2026-03-01", end: "2026-01-01" }, { pageKey: "one" }).ok).toBe(true);
  });
});

describe("tampered posts", () => {
  const form = defineForm([
    { key: "name", type: "text", required: true },
    { key: "area", type: "number", max: 100 },
    { key: "constructor", type: "text" },
  ]);

  it("drops keys the definition does not know", () => {
    const result = validate(form, { name: "张三", isAdmin: "yes", status: "approved" });
    expect(result).toEqual({ ok: true, answers: { name: "张三" }, keep: { name: "张三" }, errors: {} });
  });

  it("drops an own __proto__ key from JSON without touching prototypes", () => {
    const raw = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}') as Record<string, unknown>;
    const result = validate(form, raw);
    expect(result.answers).toEqual({ name: "x" });
    expect(Object.getPrototypeOf(result.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("does not read inherited properties as answers", () => {
    expect(validate(form, Object.create({ name: "inherited" }) as Record<string, unknown>).errors).toEqual({ name: { code: "required" } });
  });

  it("survives a raw value that is not an object at all", () => {
    for (const raw of [null, undefined, "x", 5, ["name"]]) {
      expect(validate(form, raw as unknown as Record<string, unknown>).errors).toEqual({ name: { code: "required" } });
    }
  });
});
