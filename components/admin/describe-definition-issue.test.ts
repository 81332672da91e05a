import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { definitionIssueCodes } from "@/lib/forms/definition-issue";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zhHans from "@/messages/zh-Hans.json";
import zhHant from "@/messages/zh-Hant.json";
import { checkDefinitionJson } from "@/server/forms/check-definition-json";
import { describeDefinitionIssue } from "./describe-definition-issue";

const messages = { "zh-Hans": zhHans, "zh-Hant": zhHant, en };
const text = { "zh-Hans": "字段", "zh-Hant": "欄位", en: "Field" };

/** A definition wrong in several ways at once: a bad version, a misspelt key, a short title, a duplicate. */
const bad = JSON.stringify({
  schemaVersion: 2,
  pages: [
    {
      key: "Main",
      title: { en: "Main" },
      sections: [
        {
          key: "main",
          fields: [
            { key: "name", type: "text", label: text, maxLength: 0 },
            { key: "name", type: "text", label: text },
            { key: "when", type: "date", label: text, min: "yesterday" },
            { key: "kind", type: "checkbox", label: text },
          ],
        },
      ],
    },
  ],
});

function describeIn(locale: Locale, json = bad) {
  const checked = checkDefinitionJson(json);
  if (checked.ok || checked.code !== "invalid:form-definition") throw new Error("expected meta-schema issues");
  const t = createTranslator({ locale, messages: messages[locale], namespace: "adminForms" }) as never;
  return checked.issues.map((issue) => describeDefinitionIssue(issue, t));
}

describe("form definition issues in the admin's language", () => {
  it("gives every meta-schema issue a code", () => {
    const checked = checkDefinitionJson(bad);
    expect(checked.ok || checked.code === "invalid:form-definition" && checked.issues.every((issue) => issue.code)).toBe(true);
  });

  it("says them in English", () => {
    expect(describeIn("en")).toEqual(
      expect.arrayContaining([
        "schemaVersion: must be 1",
        "pages[0].key: keys are camelCase: a lower-case letter, then letters and digits",
        "pages[0].title.zh-Hans: expected some text",
        "pages[0].sections[0].fields[0].maxLength: must be more than 0",
        "pages[0].sections[0].fields[2].min: is not a valid date (YYYY-MM-DD)",
        expect.stringMatching(/^pages\[0\]\.sections\[0\]\.fields\[3\]\.type: is not a field type; use one of: text, textarea/),
      ]),
    );
  });

  it("says them in simplified Chinese", () => {
    expect(describeIn("zh-Hans")).toEqual(
      expect.arrayContaining([
        "schemaVersion：只能是 1",
        "pages[0].key：键名须为 camelCase：以小写字母开头，其后为字母和数字",
        "pages[0].title.zh-Hans：应为文本",
        "pages[0].sections[0].fields[0].maxLength：必须大于 0",
        "pages[0].sections[0].fields[2].min：不是有效的日期（YYYY-MM-DD）",
      ]),
    );
  });

  it("says them in traditional Chinese", () => {
    expect(describeIn("zh-Hant")).toEqual(
      expect.arrayContaining(["schemaVersion：只能是 1", "pages[0].title.zh-Hans：應為文字", "pages[0].sections[0].fields[2].min：不是有效的日期（YYYY-MM-DD）"]),
    );
  });

  it("translates the rules the meta-schema adds, with their values", () => {
    const duplicate = JSON.stringify({
      schemaVersion: 1,
      pages: [{ key: "main", title: text, sections: [{ key: "main", fields: [{ key: "name", type: "text", label: text }, { key: "name", type: "text", label: text }] }] }],
    });
    expect(describeIn("en", duplicate)).toEqual(['pages[0].sections[0].fields[1].key: duplicate field key "name"']);
    expect(describeIn("zh-Hans", duplicate)).toEqual(["pages[0].sections[0].fields[1].key：字段键名“name”重复"]);
    expect(describeIn("zh-Hant", duplicate)).toEqual(["pages[0].sections[0].fields[1].key：欄位鍵名「name」重複"]);
    expect(describeIn("zh-Hans", "[]")).toEqual(["（整个定义）：应为对象"]);
  });

  it("names the data classes a field may take when given another, in each language", () => {
    const secret = JSON.stringify({
      schemaVersion: 1,
      pages: [{ key: "main", title: text, sections: [{ key: "main", fields: [{ key: "illness", type: "text", label: text, dataClass: "secret" }] }] }],
    });
    const classes = '"public", "internal", "personal", "sensitive"';
    expect(describeIn("en", secret)).toEqual([`pages[0].sections[0].fields[0].dataClass: must be ${classes}`]);
    expect(describeIn("zh-Hans", secret)).toEqual([`pages[0].sections[0].fields[0].dataClass：只能是 ${classes}`]);
    expect(describeIn("zh-Hant", secret)).toEqual([`pages[0].sections[0].fields[0].dataClass：只能是 ${classes}`]);
  });

  it("has every code in every language", () => {
    for (const locale of ["zh-Hans", "zh-Hant", "en"] as const) {
      expect(Object.keys(messages[locale].adminForms.definitionIssues).sort()).toEqual([...definitionIssueCodes].sort());
    }
  });
});
