import { describe, expect, it } from "vitest";
import { englishRegionName, englishRegionNames } from "./english-region-name";

describe("englishRegionName", () => {
  it("translates the generic part and writes the specific part as one capitalised pinyin word", () => {
    expect(englishRegionName("310115", "浦东新区")).toBe("Pudong New Area");
    expect(englishRegionName("310101", "黄浦区")).toBe("Huangpu District");
    expect(englishRegionName("320583", "昆山市")).toBe("Kunshan");
    expect(englishRegionName("130727", "阳原县")).toBe("Yangyuan County");
    expect(englishRegionName("652900", "阿克苏地区")).toBe("Aksu Prefecture");
    expect(englishRegionName("520203", "六枝特区")).toBe("Liuzhi Special District");
    expect(englishRegionName("130406", "峰峰矿区")).toBe("Fengfeng Mining District");
    expect(englishRegionName("429021", "神农架林区")).toBe("Shennongjia Forestry District");
    expect(englishRegionName("610100", "西安市")).toBe("Xi'an");
  });

  it("uses customary names for provinces and for places known abroad by their own names", () => {
    expect(englishRegionName("150000", "内蒙古自治区")).toBe("Inner Mongolia");
    expect(englishRegionName("610000", "陕西省")).toBe("Shaanxi");
    expect(englishRegionName("540100", "拉萨市")).toBe("Lhasa");
    expect(englishRegionName("653100", "喀什地区")).toBe("Kashgar Prefecture");
  });

  it("names the peoples of an autonomous region and the position of a banner", () => {
    expect(englishRegionName("532500", "红河哈尼族彝族自治州")).toBe("Honghe Hani and Yi Autonomous Prefecture");
    expect(englishRegionName("622927", "积石山保安族东乡族撒拉族自治县")).toBe("Jishishan Bonan, Dongxiang and Salar Autonomous County");
    expect(englishRegionName("652700", "博尔塔拉蒙古自治州")).toBe("Bortala Mongol Autonomous Prefecture");
    expect(englishRegionName("150723", "鄂伦春自治旗")).toBe("Oroqen Autonomous Banner");
    expect(englishRegionName("450328", "龙胜各族自治县")).toBe("Longsheng Multi-Ethnic Autonomous County");
    expect(englishRegionName("150521", "科尔沁左翼中旗")).toBe("Horqin Left Middle Banner");
    expect(englishRegionName("150826", "杭锦后旗")).toBe("Hanggin Rear Banner");
    expect(englishRegionName("152900", "阿拉善盟")).toBe("Alxa League");
  });

  it("keeps the generic of a one-syllable name in pinyin, and does not split a name at a false generic", () => {
    expect(englishRegionName("130133", "赵县")).toBe("Zhaoxian County");
    expect(englishRegionName("140302", "城区")).toBe("Chengqu District");
    expect(englishRegionName("533103", "芒市")).toBe("Mangshi");
    expect(englishRegionName("441803", "清新区")).toBe("Qingxin District");
    expect(englishRegionName("140109", "万柏林区")).toBe("Wanbailin District");
  });
});

describe("englishRegionNames", () => {
  it("adds City where a city would be named like the province it lies in", () => {
    const names = englishRegionNames([
      { code: "220000", name: "吉林省" },
      { code: "220200", name: "吉林市" },
      { code: "220100", name: "长春市" },
    ]);
    expect(names.get("220200")).toBe("Jilin City");
    expect(names.get("220100")).toBe("Changchun");
    expect(names.get("220000")).toBe("Jilin");
  });
});
