import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nameForReader } from "./name-for-reader";

describe("nameForReader", () => {
  it("shows a simplified name in traditional characters to zh-Hant readers", () => {
    expect(nameForReader("张三", "zh-Hant")).toBe("張三");
    expect(nameForReader("钱监察", "zh-Hant")).toBe("錢監察");
    expect(nameForReader("阿依古丽·买买提", "zh-Hant")).toBe("阿依古麗·買買提");
    expect(nameForReader("上海一门餐饮管理有限公司", "zh-Hant", "company")).toBe("上海一門餐飲管理有限公司");
  });

  it("leaves an already-traditional name as it is", () => {
    for (const name of ["張偉", "劉德華", "鄭秀文", "余光中", "於梨華"]) expect(nameForReader(name, "zh-Hant")).toBe(name);
    expect(nameForReader("上海一門餐飲管理有限公司", "zh-Hant", "company")).toBe("上海一門餐飲管理有限公司");
  });

  it("keeps surnames whose character is the same in both scripts", () => {
    expect(nameForReader("于丽", "zh-Hant")).toBe("于麗");
    expect(nameForReader("余华", "zh-Hant")).toBe("余華");
    expect(nameForReader("范小勤", "zh-Hant")).toBe("范小勤");
    expect(nameForReader("岳云鹏", "zh-Hant")).toBe("岳雲鵬");
    // Not a surname in a company's name: 余姚 is 餘姚.
    expect(nameForReader("余姚示范贸易有限公司", "zh-Hant", "company")).toBe("餘姚示範貿易有限公司");
  });

  it("shows the name as stored to zh-Hans and English readers", () => {
    for (const locale of ["zh-Hans", "en"] as const) {
      expect(nameForReader("张三", locale)).toBe("张三");
      expect(nameForReader("于丽", locale)).toBe("于丽");
      expect(nameForReader("上海一门餐饮管理有限公司", locale, "company")).toBe("上海一门餐饮管理有限公司");
    }
  });

  it("leaves Latin letters, digits and an empty name alone", () => {
    expect(nameForReader("John Smith", "zh-Hant")).toBe("John Smith");
    expect(nameForReader("", "zh-Hant")).toBe("");
  });
});

describe("where names are converted", () => {
  it("is never a client component: the converter's dictionary must not travel to the browser", () => {
    const clientFiles = ["app", "components"].flatMap((folder) =>
      (fs.readdirSync(folder, { recursive: true }) as string[])
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => path.join(folder, file))
        .filter((file) => /^["']use client["']/m.test(fs.readFileSync(file, "utf8"))),
    );
    expect(clientFiles.length).toBeGreaterThan(0);
    for (const file of clientFiles) expect(fs.readFileSync(file, "utf8"), file).not.toMatch(/@\/lib\/i18n\/(?:name-for-reader|traditional)/);
  });
});
