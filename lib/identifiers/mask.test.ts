import { describe, expect, it } from "vitest";
import { maskCompanyName, maskEmail, maskIdentifier, maskMobile, maskName, maskPersonalNumbers } from "./mask";

describe("masking identifiers", () => {
  it("keeps the first and last 4 characters of an 18-character resident ID number or USCC", () => {
    expect(maskIdentifier("310104198803124016")).toBe("3101**********4016");
    expect(maskIdentifier("31011019870722441X")).toBe("3101**********441X");
    expect(maskIdentifier("11010519491231002X")).toBe("1101**********002X");
    expect(maskIdentifier("91310104MA1FL8XQ36")).toBe("9131**********XQ36");
  });
  it("keeps the first 3 and last 4 digits of a mobile number", () => {
    expect(maskMobile("13800138000")).toBe("138****8000");
  });
  it("masks a short value whole, so nothing of it shows", () => {
    expect(maskIdentifier("12345678")).toBe("********");
    expect(maskIdentifier("")).toBe("");
    expect(maskMobile("1234567")).toBe("*******");
  });
  it("keeps the first character of a name, and hides that there was only one more", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李")).toBe("李*");
    expect(maskName("")).toBe("");
  });
  it("keeps the first character and the domain of an e-mail address", () => {
    expect(maskEmail("zhangsan@example.cn")).toBe("z*******@example.cn");
    expect(maskEmail("a@example.cn")).toBe("a@example.cn");
    expect(maskEmail("no-at-sign")).toBe("**********");
  });
});

describe("masking personal numbers inside a text", () => {
  it("masks ID and mobile numbers, and leaves other numbers alone", () => {
    expect(maskPersonalNumbers("母亲 310104199002150024，电话 13800138000")).toBe("母亲 3101**********0024，电话 138****8000");
    expect(maskPersonalNumbers("old card 310104880312401")).toBe("old card 3101*******2401");
    expect(maskPersonalNumbers("params: 31010419880312401x,张三")).toBe("params: 3101**********401x,张三");
    expect(maskPersonalNumbers("310104000201809120017")).toBe("310104000201809120017");
    expect(maskPersonalNumbers("91310104MA1FL8XQ36")).toBe("91310104MA1FL8XQ36");
    expect(maskPersonalNumbers("2025-01-01 至 2025-12-31")).toBe("2025-01-01 至 2025-12-31");
    expect(maskPersonalNumbers("JY-20260301-000042")).toBe("JY-20260301-000042");
  });
});

describe("masking a company's name for a public list", () => {
  it("keeps the region and the trade with the legal form, and hides the trade name", () => {
    expect(maskCompanyName("上海味道餐饮管理有限公司")).toBe("上海**餐饮管理有限公司");
    expect(maskCompanyName("深圳腾讯公司")).toBe("深圳**公司");
    expect(maskCompanyName("  北京老王家常菜馆  ")).toBe("北京**家常菜馆");
  });

  it("keeps only the first and last character of a short name, and never tells how much is hidden", () => {
    expect(maskCompanyName("华为公司")).toBe("华**司");
    expect(maskCompanyName("老王店")).toBe("老**店");
    expect(maskCompanyName("某")).toBe("某**");
    expect(maskCompanyName("")).toBe("");
  });

  it("counts characters, not UTF-16 units", () => {
    expect(maskCompanyName("𠀀𠀁𠀂𠀃有限公司")).toBe("𠀀𠀁**有限公司");
  });
});
