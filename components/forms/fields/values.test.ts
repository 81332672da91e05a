import { describe, expect, it } from "vitest";
import {
  dateBound,
  findRegionOption,
  groupItemsOf,
  isCountyCode,
  listsUnder,
  materialRefsOf,
  partOf,
  regionChoiceOf,
  regionPrefix,
  stringsOf,
  textOf,
  yesNoOf,
} from "./values";

const provinces = [
  { code: "310000", name: "上海市" },
  { code: "440000", name: "广东省" },
];
const guangdongCities = [
  { code: "440100", name: "广州市" },
  { code: "440300", name: "深圳市" },
];
const shenzhenCounties = [
  { code: "440303", name: "罗湖区" },
  { code: "440305", name: "南山区" },
];
const shanghaiDistricts = [
  { code: "310101", name: "黄浦区" },
  { code: "310115", name: "浦东新区" },
];
const children: Record<string, { code: string; name: string }[]> = { "440000": guangdongCities, "440300": shenzhenCounties, "310000": shanghaiDistricts };
const childrenOf = (parent: string) => children[parent];

describe("reading a draft's value", () => {
  it("shows typed answers and raw text alike, and nothing for anything else", () => {
    expect(textOf("12.5元")).toBe("12.5元");
    expect(textOf(42)).toBe("42");
    expect(textOf(Number.NaN)).toBe("");
    expect(textOf(true)).toBe("");
    expect(textOf({ from: "x" })).toBe("");
    expect(textOf(undefined)).toBe("");
  });

  it("reads a part of an object value", () => {
    expect(partOf({ from: "2026-01-01", to: "" }, "from")).toBe("2026-01-01");
    expect(partOf("2026-01-01", "from")).toBeUndefined();
    expect(partOf(["a"], "0")).toBeUndefined();
    expect(partOf(null, "from")).toBeUndefined();
  });

  it("reads ticked boxes from an array, or from one raw string", () => {
    expect(stringsOf(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(stringsOf("a")).toEqual(["a"]);
    expect(stringsOf("")).toEqual([]);
    expect(stringsOf(undefined)).toEqual([]);
  });

  it("reads yes/no from a boolean or the posted word", () => {
    expect(yesNoOf(true)).toBe("yes");
    expect(yesNoOf("no")).toBe("no");
    expect(yesNoOf(false)).toBe("no");
    expect(yesNoOf("maybe")).toBeUndefined();
  });

  it("pads a group with blank items up to its minimum, and ignores items that are not objects", () => {
    expect(groupItemsOf(undefined, 2)).toEqual([{}, {}]);
    expect(groupItemsOf([{ name: "张三" }], 2)).toEqual([{ name: "张三" }, {}]);
    expect(groupItemsOf([{ name: "张三" }, "x", { name: "李四" }], 0)).toEqual([{ name: "张三" }, {}, { name: "李四" }]);
    expect(groupItemsOf("junk", 0)).toEqual([]);
  });

  it("keeps only well-formed material references", () => {
    const file = { kind: "file", fileId: "f1", name: "a.pdf", mediaType: "application/pdf", size: 10 };
    const licence = { kind: "licence", licenceId: "l1" };
    expect(materialRefsOf([file, licence, { kind: "file" }, null, "x"])).toEqual([file, licence]);
    expect(materialRefsOf("a.pdf")).toEqual([]);
  });
});

describe("region codes", () => {
  it("strip trailing 00 pairs to the prefix every code beneath shares", () => {
    expect(regionPrefix("440000")).toBe("44");
    expect(regionPrefix("440300")).toBe("4403");
    expect(regionPrefix("440305")).toBe("440305");
  });

  it("tell county-level codes from provinces and cities", () => {
    expect(isCountyCode("440305")).toBe(true);
    expect(isCountyCode("429004")).toBe(true);
    expect(isCountyCode("440300")).toBe(false);
    expect(isCountyCode("440000")).toBe(false);
    expect(isCountyCode("44030")).toBe(false);
  });

  it("find the option of a level that holds a code", () => {
    expect(findRegionOption(provinces, "440305")?.code).toBe("440000");
    expect(findRegionOption(guangdongCities, "440305")?.code).toBe("440300");
    expect(findRegionOption(shenzhenCounties, "440305")?.code).toBe("440305");
    expect(findRegionOption(guangdongCities, "440000")).toBeUndefined();
    expect(findRegionOption(provinces, "")).toBeUndefined();
  });

  it("know whether a list is the one under a region", () => {
    expect(listsUnder(guangdongCities, "440000")).toBe(true);
    expect(listsUnder(guangdongCities, "310000")).toBe(false);
    expect(listsUnder(shanghaiDistricts, "310000")).toBe(true);
    expect(listsUnder(shanghaiDistricts, "310101")).toBe(false);
    expect(listsUnder([], "440000")).toBe(false);
  });

  it("show a stored code as the choice at each level", () => {
    expect(regionChoiceOf("440305", provinces, childrenOf)).toEqual({ province: "440000", city: "440300", county: "440305" });
    expect(regionChoiceOf("440300", provinces, childrenOf)).toEqual({ province: "440000", city: "440300", county: "" });
    // A municipality's districts stand in the second list.
    expect(regionChoiceOf("310115", provinces, childrenOf)).toEqual({ province: "310000", city: "310115", county: "" });
    // Lists not known yet: as deep as they go.
    expect(regionChoiceOf("440305", provinces, () => undefined)).toEqual({ province: "440000", city: "", county: "" });
  });

  it("show a raw choice as posted", () => {
    expect(regionChoiceOf({ province: "440000", city: "440300" }, provinces, childrenOf)).toEqual({ province: "440000", city: "440300", county: "" });
    expect(regionChoiceOf(undefined, provinces, childrenOf)).toEqual({ province: "", city: "", county: "" });
  });
});

describe("dates", () => {
  it("turn 'today' into China's date", () => {
    expect(dateBound("today", new Date("2026-01-01T17:00:00Z"))).toBe("2026-01-02");
    expect(dateBound("2026-03-01")).toBe("2026-03-01");
    expect(dateBound(undefined)).toBeUndefined();
  });
});
