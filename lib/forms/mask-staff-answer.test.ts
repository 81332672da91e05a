import { describe, expect, it } from "vitest";
import { ZField, type TField } from "@/lib/forms/definition";
import { hiddenAnswer, listMaskedParts, maskStaffAnswer } from "./mask-staff-answer";

const text = (value: string) => ({ "zh-Hans": value, "zh-Hant": value, en: value });
const field = (input: Record<string, unknown>) => ZField.parse({ key: "q", label: text("Q"), ...input }) as TField;
const options = [
  { value: "valid", label: text("Valid") },
  { value: "pending", label: text("Pending") },
];

describe("masking answers on staff pages by their data class", () => {
  it("hides a sensitive answer whole, whatever its type", () => {
    expect(maskStaffAnswer(field({ type: "text", dataClass: "sensitive" }), "高血压")).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "textarea", dataClass: "sensitive" }), "2019 年因危险驾驶罪被判拘役")).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "number", dataClass: "sensitive" }), 0)).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "money", dataClass: "sensitive" }), 1250000)).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "select", options, dataClass: "sensitive" }), "pending")).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "date", dataClass: "sensitive" }), "2026-01-20")).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "yesno", dataClass: "sensitive" }), false)).toBe(hiddenAnswer);
    expect(maskStaffAnswer(field({ type: "address", dataClass: "sensitive" }), { region: "310104", detail: "某路 1 号" })).toBe(hiddenAnswer);
  });

  it("keeps the partial mask of personal numbers, sensitive by default or by choice", () => {
    expect(maskStaffAnswer(field({ type: "id-number" }), "310104198803124016")).toBe("3101**********4016");
    expect(maskStaffAnswer(field({ type: "phone", dataClass: "sensitive" }), "13800138000")).toBe("138****8000");
    expect(maskStaffAnswer(field({ type: "text", prefill: { source: "identity.idNumber" } }), "31011019870722441X")).toBe("3101**********441X");
    // Whatever the class, a number typed into a text is masked where it stands.
    expect(maskStaffAnswer(field({ type: "textarea", dataClass: "internal" }), "联系人电话 13800138000")).toBe("联系人电话 138****8000");
  });

  it("shows answers of the other classes as the applicant gave them, and nothing for no answer", () => {
    expect(maskStaffAnswer(field({ type: "text" }), "一门小馆")).toBe("一门小馆");
    expect(maskStaffAnswer(field({ type: "text", dataClass: "personal" }), "王五")).toBe("王五");
    expect(maskStaffAnswer(field({ type: "number", dataClass: "public" }), 120)).toBe(120);
    expect(maskStaffAnswer(field({ type: "select", options }), "valid")).toBe("valid");
    expect(maskStaffAnswer(field({ type: "text", dataClass: "sensitive" }), undefined)).toBeUndefined();
    expect(maskStaffAnswer(field({ type: "text", dataClass: "sensitive" }), "")).toBe("");
  });

  it("leaves a sensitive material's file list: each opening is a recorded view of its own", () => {
    const refs = [{ kind: "file", fileId: "00000000-0000-4000-8000-000000000001", name: "health.pdf" }];
    expect(maskStaffAnswer(field({ type: "material", dataClass: "sensitive" }), refs)).toBe(refs);
  });

  it("applies each item field's own class per item; a sensitive group lends its class to items without one", () => {
    const members = field({
      type: "group",
      itemLabel: text("Member"),
      fields: [
        { key: "name", type: "text", label: text("Name") },
        { key: "idNumber", type: "id-number", label: text("ID") },
        { key: "income", type: "money", label: text("Income"), dataClass: "sensitive" },
      ],
    });
    expect(maskStaffAnswer(members, [{ name: "李四", idNumber: "310104199002150024", income: 5000000 }, { name: "王五" }])).toEqual([
      { name: "李四", idNumber: "3101**********0024", income: hiddenAnswer },
      { name: "王五" },
    ]);
    const sensitiveGroup = field({ ...members, dataClass: "sensitive", fields: [{ key: "name", type: "text", label: text("Name"), dataClass: "personal" }, { key: "illness", type: "text", label: text("Illness") }] });
    expect(maskStaffAnswer(sensitiveGroup, [{ name: "李四", illness: "糖尿病" }])).toEqual([{ name: "李四", illness: hiddenAnswer }]);
  });

  it("lists, whole, exactly the parts masking hides: what a clerk may reveal", () => {
    const idField = field({ type: "id-number" });
    expect(listMaskedParts(idField, "310104198803124016")).toEqual([{ where: null, field: idField, value: "310104198803124016" }]);
    const health = field({ type: "select", options, dataClass: "sensitive" });
    expect(listMaskedParts(health, "pending")).toEqual([{ where: null, field: health, value: "pending" }]);
    const count = field({ type: "number", dataClass: "sensitive" });
    expect(listMaskedParts(count, 0)).toEqual([{ where: null, field: count, value: 0 }]);
    expect(listMaskedParts(field({ type: "text" }), "一门小馆")).toEqual([]);
    expect(listMaskedParts(field({ type: "text", dataClass: "sensitive" }), "")).toEqual([]);
    expect(listMaskedParts(field({ type: "uscc" }), "91310104MA1FL8XQ36")).toEqual([]);
    const address = field({ type: "address" });
    const landlord = { region: "310104", detail: "房东 13800138000" };
    expect(listMaskedParts(address, landlord)).toEqual([{ where: null, field: address, value: landlord }]);
    expect(listMaskedParts(address, { region: "310104", detail: "某路 1 号" })).toEqual([]);
  });

  it("lists a group's masked parts item by item, with the item field that answers them", () => {
    const members = field({
      type: "group",
      itemLabel: text("Member"),
      fields: [
        { key: "name", type: "text", label: text("Name") },
        { key: "idNumber", type: "id-number", label: text("ID") },
        { key: "income", type: "money", label: text("Income"), dataClass: "sensitive" },
      ],
    });
    if (members.type !== "group") throw new Error("a group");
    expect(listMaskedParts(members, [{ name: "李四", income: 5000000 }, { name: "王五", idNumber: "310104199002150024" }])).toEqual([
      { where: { itemIndex: 0, itemLabel: text("Member"), label: text("Income") }, field: members.fields[2], value: 5000000 },
      { where: { itemIndex: 1, itemLabel: text("Member"), label: text("ID") }, field: members.fields[1], value: "310104199002150024" },
    ]);
  });
});
