import { describe, expect, it } from "vitest";
import { ZField, type TField } from "@/lib/forms/definition";
import { maskPersonalAnswer } from "./mask-personal-answer";

const text = (value: string) => ({ "zh-Hans": value, "zh-Hant": value, en: value });
const field = (input: Record<string, unknown>) => ZField.parse({ key: "q", label: text("Q"), ...input }) as TField;

describe("masking personal numbers in answers shown back to the applicant", () => {
  it("masks ID and mobile fields, and fields prefilled from the person's identity", () => {
    expect(maskPersonalAnswer(field({ type: "id-number" }), "310104198803124016")).toBe("3101**********4016");
    expect(maskPersonalAnswer(field({ type: "phone" }), "13800138000")).toBe("138****8000");
    expect(maskPersonalAnswer(field({ type: "text", prefill: { source: "identity.idNumber" } }), "31011019870722441X")).toBe("3101**********441X");
    expect(maskPersonalAnswer(field({ type: "text", prefill: { source: "identity.mobile" } }), "13912345678")).toBe("139****5678");
  });

  it("masks ID and mobile numbers typed into a text, and leaves other answers as they are", () => {
    expect(maskPersonalAnswer(field({ type: "textarea" }), "联系人电话 13800138000")).toBe("联系人电话 138****8000");
    expect(maskPersonalAnswer(field({ type: "address" }), { region: "310104", detail: "某路 1 号，房东 13800138000" })).toEqual({ region: "310104", detail: "某路 1 号，房东 138****8000" });
    expect(maskPersonalAnswer(field({ type: "uscc" }), "91310104MA1FL8XQ36")).toBe("91310104MA1FL8XQ36");
    expect(maskPersonalAnswer(field({ type: "text" }), "一门小馆")).toBe("一门小馆");
    expect(maskPersonalAnswer(field({ type: "number" }), 13800138000)).toBe(13800138000);
    expect(maskPersonalAnswer(field({ type: "id-number" }), undefined)).toBeUndefined();
  });

  it("masks inside each item of a group", () => {
    const members = field({
      type: "group",
      itemLabel: text("Member"),
      fields: [
        { key: "name", type: "text", label: text("Name") },
        { key: "idNumber", type: "id-number", label: text("ID") },
        { key: "mobile", type: "phone", label: text("Mobile") },
      ],
    });
    expect(maskPersonalAnswer(members, [{ name: "李四", idNumber: "310104199002150024", mobile: "13800138000" }])).toEqual([
      { name: "李四", idNumber: "3101**********0024", mobile: "138****8000" },
    ]);
  });
});
