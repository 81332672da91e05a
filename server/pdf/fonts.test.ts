import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/locales";
import { loadPdfFonts } from "./fonts";

const messageText = (locale: string) => fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8");

describe("the PDF face", () => {
  it("has a glyph for every character of the UI messages in all three languages, in both weights", () => {
    const fonts = loadPdfFonts();
    const characters = new Set(locales.flatMap((locale) => [...messageText(locale)]).filter((character) => character.trim() !== ""));
    for (const weight of ["regular", "bold"] as const) {
      const missing = [...characters].filter((character) => !fonts[weight].hasGlyphForCodePoint(character.codePointAt(0)!));
      expect(missing, weight).toEqual([]);
    }
  });

  it("draws simplified and traditional characters alike: a zh-Hant receipt may quote a name held in simplified characters", () => {
    const { regular } = loadPdfFonts();
    for (const character of "證發辦執戶號碼條張三李四王五证发办执户号码条") expect(regular.hasGlyphForCodePoint(character.codePointAt(0)!), character).toBe(true);
  });
});
