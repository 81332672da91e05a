import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { loadPdfFont, pdfFacesFor } from "./fonts";

const messageText = (locale: string) => fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8");
const weights = ["regular", "bold"] as const;

describe("the PDF faces", () => {
  it("hold every character of the UI messages of the languages they are primary for, in both weights", () => {
    for (const locale of locales) {
      const face = pdfFacesFor(locale).primary;
      const characters = new Set([...messageText(locale)].filter((character) => character.trim() !== ""));
      for (const weight of weights) {
        const missing = [...characters].filter((character) => !loadPdfFont(face, weight).hasGlyphForCodePoint(character.codePointAt(0)!));
        expect(missing, `${locale} ${face} ${weight}`).toEqual([]);
      }
    }
  });

  it("set zh-Hant in the TC face falling back to SC, and the other languages in SC alone", () => {
    expect(pdfFacesFor("zh-Hant")).toEqual({ primary: "tc", fallback: "sc" });
    expect(pdfFacesFor("zh-Hans")).toEqual({ primary: "sc" });
    expect(pdfFacesFor("en")).toEqual({ primary: "sc" });
  });

  it("between them draw simplified and traditional characters: a zh-Hant receipt may quote a name held in simplified characters", () => {
    const tc = loadPdfFont("tc", "regular");
    const sc = loadPdfFont("sc", "regular");
    for (const character of "證發辦執戶號碼條張三李四王五") expect(tc.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(true);
    // The TC face lacks these simplified forms; the SC face has them, and the traditional ones too.
    for (const character of "张证办执码为") expect(tc.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(false);
    for (const character of "證發辦執戶號碼條張三张证办执码为") expect(sc.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(true);
  });

  it("measure alike, so a zh-Hant text measured in the TC face alone has the width it is drawn with", () => {
    for (const weight of weights) {
      const tc = loadPdfFont("tc", weight);
      const sc = loadPdfFont("sc", weight);
      expect([tc.unitsPerEm, tc.ascent, tc.descent, tc.lineGap]).toEqual([sc.unitsPerEm, sc.ascent, sc.descent, sc.lineGap]);
      const inTc = new Set(tc.characterSet);
      const differing = sc.characterSet.filter((codePoint) => inTc.has(codePoint) && tc.glyphForCodePoint(codePoint).advanceWidth !== sc.glyphForCodePoint(codePoint).advanceWidth);
      expect(differing, weight).toEqual([]);
      // What only SC holds is drawn one em wide; the TC face measures it as its .notdef, also one em wide.
      const onlyInSc = sc.characterSet.filter((codePoint) => !inTc.has(codePoint));
      expect(onlyInSc.length).toBeGreaterThan(10_000);
      expect(new Set(onlyInSc.map((codePoint) => sc.glyphForCodePoint(codePoint).advanceWidth))).toEqual(new Set([sc.unitsPerEm]));
      expect(tc.getGlyph(0).advanceWidth).toBe(sc.unitsPerEm);
      // …and every one is a Chinese character, which is what lets the split change faces only between two of them.
      expect(onlyInSc.filter((codePoint) => !/\p{Script=Han}/u.test(String.fromCodePoint(codePoint)))).toEqual([]);
    }
  });

  it("are parsed once per process", () => {
    expect(loadPdfFont("tc", "bold")).toBe(loadPdfFont("tc", "bold"));
    expect(loadPdfFont("sc", "regular")).not.toBe(loadPdfFont("tc", "regular"));
  });
});
