import { describe, expect, it } from "vitest";
import { formDataLimits, readFormData } from "@/lib/forms/read-form-data";

/** Compares through JSON, since the result is built from prototype-less objects. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("readFormData", () => {
  it("builds nested raw answers from dotted names", () => {
    const data = new FormData();
    data.append("companyName", "闽味小馆");
    data.append("period.from", "2026-03-01");
    data.append("period.to", "2026-03-05");
    data.append("address.region.province", "310000");
    data.append("address.region.city", "310115");
    data.append("address.detail", "世纪大道 1 号");
    data.append("shareholders.0.name", "甲");
    data.append("shareholders.0.share", "60");
    data.append("shareholders.1.name", "乙");
    data.append("services", "food");
    data.append("services", "drink");
    data.append("services", "music");
    expect(plain(readFormData(data.entries()))).toEqual({
      companyName: "闽味小馆",
      period: { from: "2026-03-01", to: "2026-03-05" },
      address: { region: { province: "310000", city: "310115" }, detail: "世纪大道 1 号" },
      shareholders: { "0": { name: "甲", share: "60" }, "1": { name: "乙" } },
      services: ["food", "drink", "music"],
    });
  });

  it("skips files, React's action fields and ignored names", () => {
    const data = new FormData();
    data.append("$ACTION_ID_abc", "x");
    data.append("$ACTION_1:0", "{}");
    data.append("plan", new File(["%PDF"], "plan.pdf", { type: "application/pdf" }));
    data.append("idempotencyKey", "k");
    data.append("name", "张三");
    expect(plain(readFormData(data.entries(), { ignore: (name) => name === "idempotencyKey" }))).toEqual({ name: "张三" });
  });

  it("drops names that could reach a prototype, and leaves Object.prototype alone", () => {
    const result = readFormData([
      ["__proto__.polluted", "yes"],
      ["a.__proto__.polluted", "yes"],
      ["constructor.prototype.polluted", "yes"],
      ["toString", "x"],
      ["b.prototype", "x"],
      ["hasOwnProperty", "y"],
    ]);
    expect(plain(result)).toEqual({ toString: "x", hasOwnProperty: "y" });
    expect(Object.getPrototypeOf(result)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops malformed names and keeps the first shape when names conflict", () => {
    expect(plain(readFormData([["a..b", "1"], [".a", "1"], ["a.", "1"], ["a b", "1"], ["a[0]", "1"], ["", "1"]]))).toEqual({});
    expect(plain(readFormData([["a", "1"], ["a.b", "2"], ["c.d", "3"], ["c", "4"]]))).toEqual({ a: "1", c: { d: "3" } });
  });

  it("bounds the work a hostile post can cause", () => {
    const many = Array.from({ length: 5000 }, (_, index) => [`f${index}`, "x"] as [string, string]);
    expect(Object.keys(readFormData(many))).toHaveLength(formDataLimits.entries);
    const repeated = Array.from({ length: 5000 }, () => ["services", "x"] as [string, string]);
    expect(readFormData(repeated).services).toHaveLength(formDataLimits.entries);
    expect(plain(readFormData([[`a${".b".repeat(5)}`, "deep"], ["a.b.c.d.e", "ok"]]))).toEqual({ a: { b: { c: { d: { e: "ok" } } } } });
    expect(plain(readFormData([["x".repeat(201), "long name"]]))).toEqual({});
    expect((readFormData([["big", "y".repeat(200_000)]]).big as string).length).toBe(formDataLimits.valueLength);
  });
});
