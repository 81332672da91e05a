/** The admin's picture of a form names each question's data class (数据分级), its own or the field type's. */
import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { ZFormDefinition } from "@/lib/forms/definition";
import type { Locale } from "@/lib/i18n/locales";
import { DefinitionPreview } from "./definition-preview";

const text = (en: string, zh = en) => ({ "zh-Hans": zh, "zh-Hant": zh, en });
const messagesOf = (locale: Locale) => JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8"));

const definition = ZFormDefinition.parse({
  schemaVersion: 1,
  pages: [
    {
      key: "main",
      title: text("Main", "主页"),
      sections: [
        {
          key: "staff",
          fields: [
            { key: "managerIdNumber", type: "id-number", label: text("Manager's ID", "负责人身份证号码") },
            { key: "managerHealth", type: "textarea", label: text("Health", "健康状况"), dataClass: "sensitive" },
            { key: "shopName", type: "text", label: text("Shop name", "店铺名称"), dataClass: "public" },
            { key: "floorArea", type: "number", label: text("Floor area", "经营面积") },
          ],
        },
      ],
    },
  ],
});

function render(locale: Locale) {
  const children = createElement(DefinitionPreview, { definition, locale, idPrefix: "p" });
  const html = renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: messagesOf(locale), timeZone: "Asia/Shanghai", children }));
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

describe("DefinitionPreview", () => {
  it("shows each question's data class, saying when the field type decided it", () => {
    const zh = render("zh-Hans");
    expect(zh).toContain("负责人身份证号码 managerIdNumber 类型：公民身份号码 选填 数据分级：敏感个人信息（按字段类型）");
    expect(zh).toContain("健康状况 managerHealth 类型：多行文字 选填 数据分级：敏感个人信息 ");
    expect(zh).toContain("店铺名称 shopName 类型：单行文字 选填 数据分级：公开 ");
    expect(zh).toContain("经营面积 floorArea 类型：数字 选填 数据分级：内部（按字段类型）");
    const en = render("en");
    expect(en).toContain("Data class: sensitive personal (by field type)");
    expect(en).toContain("Data class: public");
    expect(render("zh-Hant")).toContain("資料分級：敏感個人資訊");
  });
});
