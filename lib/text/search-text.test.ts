import { describe, expect, it } from "vitest";
import { applicantSearchText, readSearchTerm } from "./search-text";

describe("the desk's name search", () => {
  it("keeps each name with its pinyin and initials, reading a surname as a surname", () => {
    expect(applicantSearchText([{ name: "张三", kind: "person" }])).toBe("张三 zhangsan zs");
    expect(applicantSearchText([{ name: "单雄信", kind: "person" }])).toBe("单雄信 shanxiongxin sxx");
    expect(applicantSearchText([{ name: "Acme Ltd", kind: "company" }, { name: " ", kind: "person" }])).toBe("acme ltd");
    expect(applicantSearchText([{ name: "上海一门餐饮管理有限公司", kind: "company" }, { name: "王五", kind: "person" }])).toContain("shymcyglyxgs");
  });

  it("reads a term as a name, a case number or the last four characters of a number", () => {
    expect(readSearchTerm("  ")).toBeNull();
    expect(readSearchTerm("Zhang  San")).toEqual({ ok: true, name: ["zhang san", "zhangsan"], caseNumberPrefix: null, idTail: null });
    expect(readSearchTerm("od2026112")).toMatchObject({ ok: true, caseNumberPrefix: "OD2026112" });
    expect(readSearchTerm("002x")).toMatchObject({ ok: true, idTail: "002X" });
    expect(readSearchTerm("50%_\\")).toMatchObject({ ok: true, name: ["50\\%\\_\\\\"] });
    // Full-width digits typed on a Chinese keyboard are digits.
    expect(readSearchTerm("４０１６")).toMatchObject({ ok: true, idTail: "4016" });
  });

  it("refuses a whole ID number or credit code, and text no one types", () => {
    for (const whole of ["310104198803124016", "91310104MA1FL8XQ36", "310104 19880312 4016", "310104880312401"]) {
      expect(readSearchTerm(whole), whole).toEqual({ ok: false, code: "invalid:search-whole-number" });
    }
    expect(readSearchTerm("a".repeat(51))).toEqual({ ok: false, code: "invalid:search-too-long" });
    expect(readSearchTerm("zs\u0007")).toEqual({ ok: false, code: "invalid:text-control-character" });
  });
});
