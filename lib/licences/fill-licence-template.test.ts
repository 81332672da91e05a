import { describe, expect, it } from "vitest";
import { checkFormDefinition, type TFormDefinition } from "@/lib/forms/definition";
import { t } from "@/lib/i18n/traditional";
import { fillLicenceTemplate } from "./fill-licence-template";
import { ZLicenceTemplate, type TLicenceTemplate } from "./licence-template";

const checked = checkFormDefinition({
  schemaVersion: 1,
  pages: [
    {
      key: "p",
      title: t("页", "Page"),
      sections: [
        {
          key: "s",
          fields: [
            { key: "shopName", type: "text", label: t("店名", "Shop"), required: true },
            { key: "kind", type: "select", label: t("类型", "Kind"), required: true, options: [{ value: "hot-food", label: t("热食类食品制售", "Hot food") }] },
            { key: "lit", type: "yesno", label: t("灯光", "Lit"), required: true },
            { key: "width", type: "number", label: t("宽度", "Width"), required: true, unit: t("米", "m") },
            { key: "babyName", type: "text", label: t("婴儿", "Baby"), required: false },
          ],
        },
      ],
    },
  ],
});
if (!checked.ok) throw new Error("test definition");
const definition: TFormDefinition = checked.definition;

const template: TLicenceTemplate = {
  type: "test-licence",
  title: t("测试许可证", "Test licence"),
  numberPrefix: "TS",
  validityMonths: 12,
  fields: [
    { key: "shopName", label: t("店名", "Shop"), from: { answer: ["shopName"] } },
    { key: "kind", label: t("类型", "Kind"), from: { answer: ["kind"] } },
    { key: "lit", label: t("灯光", "Lit"), from: { answer: ["lit"] } },
    { key: "width", label: t("宽度", "Width"), from: { answer: ["width"] } },
    { key: "holder", label: t("持证人", "Holder"), from: { answer: ["cardholderName", "babyName"] } },
    { key: "opinion", label: t("意见", "Opinion"), from: { value: "同意" } },
  ],
};

describe("filling a licence template from a case's answers", () => {
  it("prints options by their simplified-Chinese label, yes/no as 是/否, numbers with their unit, in template order", () => {
    const filled = fillLicenceTemplate({ template, definition, answers: { shopName: "一门小馆", kind: "hot-food", lit: false, width: 4, babyName: "张小宝" } });
    expect(filled.data).toEqual({ shopName: "一门小馆", kind: "热食类食品制售", lit: "否", width: "4米", holder: "张小宝", opinion: "同意" });
    expect(filled.dataFields.map((field) => field.key)).toEqual(["shopName", "kind", "lit", "width", "holder", "opinion"]);
  });

  it("leaves off a datum the case did not answer", () => {
    const filled = fillLicenceTemplate({ template, definition, answers: { shopName: "一门小馆", kind: "hot-food", lit: true, width: 2 } });
    expect(filled.data.holder).toBeUndefined();
    expect(filled.dataFields.map((field) => field.key)).not.toContain("holder");
  });

  it("checks templates: keys unique, a prefix of capitals, a source each", () => {
    expect(ZLicenceTemplate.safeParse(template).success).toBe(true);
    expect(ZLicenceTemplate.safeParse({ ...template, numberPrefix: "ts" }).success).toBe(false);
    expect(ZLicenceTemplate.safeParse({ ...template, fields: [template.fields[0], template.fields[0]] }).success).toBe(false);
    expect(ZLicenceTemplate.safeParse({ ...template, fields: [{ ...template.fields[0], from: {} }] }).success).toBe(false);
  });
});
