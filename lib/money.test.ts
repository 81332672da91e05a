import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenToYuanText, formatFen, parseYuan } from "@/lib/money";

describe("parseYuan", () => {
  it("reads amounts exactly, without floating-point rounding", () => {
    const cases: [string, number][] = [
      ["19.99", 1999],
      ["0.1", 10],
      ["0.2", 20],
      ["0.30", 30],
      ["1234.5", 123450],
      ["1,234.56", 123456],
      ["1 234", 123400],
      ["¥12", 1200],
      ["￥12.5", 1250],
      ["-¥3.07", -307],
      ["¥-3.07", -307],
      ["１９．９９", 1999],
      ["12元", 1200],
      [".5", 50],
      ["12.", 1200],
      ["007", 700],
      ["-0", 0],
      ["9999999999999.99", 999999999999999],
    ];
    for (const [text, fen] of cases) expect(parseYuan(text), text).toEqual({ ok: true, fen });
    // 0.1 + 0.2 in floats is 0.30000000000000004; here the sum is of fen.
    const sum = [parseYuan("0.1"), parseYuan("0.2")].reduce((total, parsed) => total + (parsed.ok ? parsed.fen : Number.NaN), 0);
    expect(sum).toBe(30);
  });

  it("tells a malformed amount from one finer than a fen", () => {
    for (const text of ["", "abc", "1.2.3", "1,23", "12,3456", "¥", ".", "--1", "+1", "1e3", "0x10", "10000000000000"]) {
      expect(parseYuan(text), text).toEqual({ ok: false, reason: "format" });
    }
    expect(parseYuan("1.005")).toEqual({ ok: false, reason: "precision" });
    expect(parseYuan("19.999")).toEqual({ ok: false, reason: "precision" });
    expect(parseYuan("19.9900")).toEqual({ ok: true, fen: 1999 });
  });

  it("round-trips every amount through its input text and never throws", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuan(fenToYuanText(fen))).toEqual({ ok: true, fen: fen + 0 });
      }),
    );
    fc.assert(fc.property(fc.string(), (text) => void parseYuan(text)));
  });
});

describe("fenToYuanText and formatFen", () => {
  it("writes two decimals", () => {
    expect(fenToYuanText(123450)).toBe("1234.50");
    expect(fenToYuanText(5)).toBe("0.05");
    expect(fenToYuanText(-5)).toBe("-0.05");
    expect(fenToYuanText(0)).toBe("0.00");
    expect(() => fenToYuanText(1.5)).toThrow(RangeError);
  });

  it("groups thousands with the yuan sign in every locale", () => {
    for (const locale of ["zh-Hans", "zh-Hant", "en"] as const) {
      expect(formatFen(123450, locale)).toBe("¥1,234.50");
      expect(formatFen(100_000_000, locale)).toBe("¥1,000,000.00");
      expect(formatFen(-99, locale)).toBe("-¥0.99");
      expect(formatFen(1250, locale)).toBe("¥12.50");
    }
  });
});
