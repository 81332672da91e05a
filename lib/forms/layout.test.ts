import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "@/lib/forms/definition";
import { listPageKeys, nextPageKey, previousPageKey, resolveFormLayout } from "@/lib/forms/layout";
import { validateAnswers } from "@/lib/forms/validate-answers";
import type { TLocalizedText } from "@/lib/i18n/locales";

const today = "2026-02-12";
const text = (en: string): TLocalizedText => ({ "zh-Hans": en, "zh-Hant": en, en });

const form = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    {
      key: "business",
      title: text("Business"),
      sections: [
        {
          key: "shop",
          fields: [
            { key: "hasOutdoorSign", label: text("sign"), type: "yesno", required: true },
            { key: "area", label: text("area"), type: "number" },
            { key: "employees", label: text("employees"), type: "number", requiredWhen: { ">": [{ var: "area" }, 100] } },
          ],
        },
      ],
    },
    {
      key: "signage",
      title: text("Signage"),
      showWhen: { "==": [{ var: "hasOutdoorSign" }, true] },
      sections: [{ key: "sign", fields: [{ key: "signArea", label: text("sign area"), type: "number", required: true }] }],
    },
    {
      key: "environment",
      title: text("Environment"),
      sections: [
        { key: "large", showWhen: { ">": [{ var: "area" }, 500] }, fields: [{ key: "eia", label: text("eia"), type: "text" }] },
      ],
    },
    {
      key: "people",
      title: text("People"),
      sections: [
        {
          key: "staff",
          fields: [
            {
              key: "staff",
              label: text("staff"),
              type: "group",
              itemLabel: text("person"),
              fields: [
                { key: "foreign", label: text("foreign"), type: "yesno" },
                { key: "passport", label: text("passport"), type: "text", showWhen: { "==": [{ var: "foreign" }, true] } },
              ],
            },
          ],
        },
      ],
    },
  ],
});

const keysOf = (raw: Record<string, unknown>) =>
  resolveFormLayout(form, raw, { today }).pages.map(({ page, sections }) => [page.key, sections.flatMap((s) => s.fields.map((f) => f.key))]);

describe("resolveFormLayout", () => {
  it("leaves out hidden pages and sections with nothing visible", () => {
    expect(keysOf({ hasOutdoorSign: "no", area: "80" })).toEqual([
      ["business", ["hasOutdoorSign", "area", "employees"]],
      ["people", ["staff"]],
    ]);
    expect(keysOf({ hasOutdoorSign: "yes", area: "800" })).toEqual([
      ["business", ["hasOutdoorSign", "area", "employees"]],
      ["signage", ["signArea"]],
      ["environment", ["eia"]],
      ["people", ["staff"]],
    ]);
  });

  it("agrees between posted strings and typed answers", () => {
    const raw = { hasOutdoorSign: "yes", area: "800", staff: { "0": { foreign: "yes", passport: "E123" }, "1": { foreign: "no" } } };
    const { answers } = validateAnswers(form, raw, { today });
    expect(resolveFormLayout(form, answers, { today }).pages).toEqual(resolveFormLayout(form, raw, { today }).pages);
  });

  it("marks required-when fields and lists each item's visible fields", () => {
    const layout = resolveFormLayout(form, { area: "150", staff: [{ foreign: "yes" }, { foreign: "no" }] }, { today });
    expect(layout.required).toEqual(["hasOutdoorSign", "employees"]);
    expect(layout.items.staff.map((item) => item.map((field) => field.key))).toEqual([["foreign", "passport"], ["foreign"]]);
    const withPassport = ZFormDefinition.parse({
      schemaVersion: 1,
      pages: [
        {
          key: "p",
          title: text("p"),
          sections: [
            {
              key: "s",
              fields: [
                {
                  key: "staff",
                  label: text("staff"),
                  type: "group",
                  itemLabel: text("person"),
                  fields: [
                    { key: "foreign", label: text("foreign"), type: "yesno" },
                    { key: "passport", label: text("passport"), type: "text", requiredWhen: { "==": [{ var: "foreign" }, true] } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(resolveFormLayout(withPassport, { staff: [{ foreign: "no" }, { foreign: "yes" }] }, { today }).required).toEqual(["staff.1.passport"]);
  });
});

describe("page navigation", () => {
  const small = { hasOutdoorSign: "no", area: "80" };
  const large = { hasOutdoorSign: "yes", area: "800" };

  it("lists the visible pages", () => {
    expect(listPageKeys(form, small, { today })).toEqual(["business", "people"]);
    expect(listPageKeys(form, large, { today })).toEqual(["business", "signage", "environment", "people"]);
  });

  it("skips hidden pages going forward and back", () => {
    expect(nextPageKey(form, small, "business", { today })).toBe("people");
    expect(nextPageKey(form, large, "business", { today })).toBe("signage");
    expect(nextPageKey(form, small, "people", { today })).toBeNull();
    expect(previousPageKey(form, small, "people", { today })).toBe("business");
    expect(previousPageKey(form, large, "people", { today })).toBe("environment");
    expect(previousPageKey(form, small, "business", { today })).toBeNull();
  });

  it("goes on from a page that an answer has just hidden, and to and from the check step", () => {
    expect(nextPageKey(form, small, "signage", { today })).toBe("people");
    expect(previousPageKey(form, small, "check", { today })).toBe("people");
    expect(nextPageKey(form, small, "check", { today })).toBeNull();
    expect(nextPageKey(form, small, "nowhere", { today })).toBe("business");
    expect(previousPageKey(form, small, "nowhere", { today })).toBeNull();
  });
});
