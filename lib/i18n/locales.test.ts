import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it("defaults to simplified Chinese", () => {
    expect(negotiateLocale(undefined)).toBe("zh-Hans");
    expect(negotiateLocale("fr-FR,de;q=0.8")).toBe("zh-Hans");
  });
  it("reads traditional characters for Taiwan, Hong Kong, Macao and zh-Hant", () => {
    for (const header of ["zh-TW", "zh-HK,zh;q=0.9", "zh-MO", "zh-Hant-TW"]) expect(negotiateLocale(header)).toBe("zh-Hant");
  });
  it("reads simplified characters for other Chinese", () => {
    expect(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-Hans");
    expect(negotiateLocale("zh")).toBe("zh-Hans");
  });
  it("follows the reader's preference order", () => {
    expect(negotiateLocale("en-GB,en;q=0.9,zh-CN;q=0.8")).toBe("en");
    expect(negotiateLocale("zh-CN;q=0.5,en;q=0.9")).toBe("en");
  });
});
