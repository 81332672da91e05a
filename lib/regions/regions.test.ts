import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getRegion, listRegionChildren, listRegionPath, regionLookup, type TRegion } from "@/lib/regions/regions";

const names = (code: string) => listRegionPath(code).map((region) => region.name["zh-Hans"]);

describe("regions", () => {
  it("resolves districts of the municipalities directly under them", () => {
    expect(getRegion("310115")).toEqual({
      code: "310115",
      name: { "zh-Hans": "浦东新区", "zh-Hant": "浦東新區", en: "Pudong New Area" },
      parentCode: "310000",
      level: "county",
    });
    expect(names("310104")).toEqual(["上海市", "徐汇区"]);
    expect(names("110105")).toEqual(["北京市", "朝阳区"]);
    expect(names("500229")).toEqual(["重庆市", "城口县"]);
    expect(getRegion("310000")?.name.en).toBe("Shanghai");
    expect(getRegion("310100")).toBeUndefined(); // 市辖区 is collapsed
  });

  it("walks province → city → county elsewhere", () => {
    expect(names("440305")).toEqual(["广东省", "深圳市", "南山区"]);
    expect(getRegion("440300")).toMatchObject({ level: "city", parentCode: "440000", name: { en: "Shenzhen" } });
    expect(names("419001")).toEqual(["河南省", "济源市"]); // a county-level city under the province
    expect(listRegionPath("999999")).toEqual([]);
  });

  it("lists children in code order, provinces for null", () => {
    const provinces = listRegionChildren(null);
    expect(provinces.map((region) => region.code)).toContain("310000");
    expect(provinces.every((region) => region.level === "province")).toBe(true);
    expect(provinces).toHaveLength(34);
    const shanghai = listRegionChildren("310000").map((region) => region.name["zh-Hans"]);
    expect(shanghai).toContain("浦东新区");
    expect(shanghai).toHaveLength(16);
    expect(listRegionChildren("441900")).toEqual([]);
  });

  it("leaves out statistical-only units", () => {
    expect(getRegion("320571")).toBeUndefined(); // 苏州工业园区
    expect(getRegion("620201")).toBeUndefined();
    expect(getRegion("441900")?.level).toBe("city");
  });

  it("answers the validator's questions about depth", () => {
    expect(regionLookup.hasChildren("440000")).toBe(true);
    expect(regionLookup.hasChildren("441900")).toBe(false);
    expect(regionLookup.hasChildren("310000", "city")).toBe(false);
    expect(regionLookup.hasChildren("310000", "county")).toBe(true);
    expect(regionLookup.hasChildren("410000", "city")).toBe(true);
  });

  it("has a name in every language for every region, and a modest file", () => {
    for (const region of listRegionChildren(null).flatMap((province) => [province, ...listRegionChildren(province.code)])) {
      expect(region.name.en, region.code).toMatch(/^[A-Z][A-Za-z' ,ü-]+$/);
      expect(region.name["zh-Hant"].length).toBeGreaterThan(0);
    }
    expect(fs.statSync(path.join(process.cwd(), "lib", "regions", "regions.json")).size).toBeLessThan(250_000);
  });

  it("refuses to be changed by one caller for the others", () => {
    const region = getRegion("310115")!;
    expect(() => {
      (region as { code: string }).code = "x";
    }).toThrow(TypeError);
  });

  it("names regions in English by their customary names, else in pinyin with the generic translated", () => {
    const english = (code: string) => getRegion(code)?.name.en;
    expect(english("310101")).toBe("Huangpu District");
    expect(english("540000")).toBe("Xizang");
    expect(english("150000")).toBe("Inner Mongolia");
    expect(english("450000")).toBe("Guangxi");
    expect(english("810000")).toBe("Hong Kong");
    expect(english("820000")).toBe("Macao");
    expect(english("230100")).toBe("Harbin");
    expect(english("650100")).toBe("Urumqi");
    expect(english("220200")).toBe("Jilin City");
    expect(english("222400")).toBe("Yanbian Korean Autonomous Prefecture");
    expect(english("152500")).toBe("Xilingol League");
    expect(english("371722")).toBe("Shanxian County");
  });

  it("has no English name that is lower-case or ends in an untranslated generic", () => {
    const all = listRegionChildren(null).flatMap(function walk(region): TRegion[] {
      return [region, ...listRegionChildren(region.code).flatMap(walk)];
    });
    expect(all).toHaveLength(3217);
    for (const region of all) {
      const en = region.name.en;
      expect(en, region.code).toMatch(/^[A-Z]/);
      // Every word capitalised, but for "and" between peoples ("Honghe Hani and Yi Autonomous Prefecture").
      expect(en.split(/[ -]/).filter((word) => word !== "and" && !/^[A-Z]/.test(word)), `${region.code} ${en}`).toEqual([]);
      expect(en, `${region.code} ${en}`).not.toMatch(/(?:Xinqu|Qu|Xian|Shi|Diqu|Zizhizhou|Zizhixian|Zizhiqi|Meng|Qi|Tequ|Kuangqu|Linqu)$/);
      expect(en, `${region.code} ${en}`).not.toMatch(/zu(?:,| and | Autonomous)/); // no run-together people ("Huizu Autonomous")
    }
  });
});
