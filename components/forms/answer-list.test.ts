/** How answers read: a name prefilled from the register follows the one name rule; what a person typed stays as typed. */
import { describe, expect, it } from "vitest";
import { ZField, type TField } from "@/lib/forms/definition";
import { hiddenAnswer } from "@/lib/forms/mask-staff-answer";
import { formatAnswer, formatAnswerText } from "./answer-list";

const label = { "zh-Hans": "姓名", "zh-Hant": "姓名", en: "Name" };
const field = (input: Record<string, unknown>) => ZField.parse({ key: "name", type: "text", label, ...input }) as TField;
const t = ((key: string) => key) as unknown as Parameters<typeof formatAnswer>[3];

describe("formatAnswer", () => {
  it("shows a name prefilled from the register in traditional characters to zh-Hant readers", () => {
    expect(formatAnswer(field({ prefill: { source: "identity.name" } }), "张三", "zh-Hant", t)).toBe("張三");
    expect(formatAnswer(field({ prefill: { source: "company.legalRepresentative" } }), "钱七", "zh-Hant", t)).toBe("錢七");
    expect(formatAnswer(field({ prefill: { source: "company.name" } }), "上海一门餐饮管理有限公司", "zh-Hant", t)).toBe("上海一門餐飲管理有限公司");
    expect(formatAnswer(field({ prefill: { source: "identity.name" } }), "张三", "zh-Hans", t)).toBe("张三");
    expect(formatAnswer(field({ prefill: { source: "identity.name" } }), "张三", "en", t)).toBe("张三");
  });

  it("leaves a typed answer as the applicant typed it", () => {
    expect(formatAnswer(field({}), "张三", "zh-Hant", t)).toBe("张三");
    expect(formatAnswer(field({ prefill: { source: "company.registeredAddress" } }), "上海市徐汇区", "zh-Hant", t)).toBe("上海市徐汇区");
  });

  it("writes an address from its region down, with a comma before the street in English", () => {
    const address = ZField.parse({ key: "address", type: "address", label }) as TField;
    const value = { region: "310115", detail: "1 Century Avenue" };
    expect(formatAnswer(address, value, "en", t)).toBe("Shanghai, Pudong New Area, 1 Century Avenue");
    expect(formatAnswer(address, { region: "310115", detail: "世纪大道 1 号" }, "zh-Hans", t)).toBe("上海市 浦东新区 世纪大道 1 号");
  });

  it("says an answer masked whole is hidden, and reads a revealed one as the list would", () => {
    const health = ZField.parse({
      key: "health",
      type: "select",
      label,
      dataClass: "sensitive",
      options: [{ value: "valid", label: { "zh-Hans": "持有有效的健康证明", "zh-Hant": "持有有效的健康證明", en: "Holds a valid health certificate" } }],
    }) as TField;
    const shown = formatAnswer(health, hiddenAnswer, "en", t) as { props: { children: unknown } };
    expect(shown.props.children).toBe("hiddenSensitive");
    expect(formatAnswerText(health, "valid", "zh-Hant", t)).toBe("持有有效的健康證明");
    const income = ZField.parse({ key: "income", type: "money", label, dataClass: "sensitive" }) as TField;
    expect(formatAnswerText(income, 1250000, "zh-Hans", t)).toMatch(/12,500\.00/);
  });
});
