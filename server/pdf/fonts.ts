/**
 * The typeface every PDF is set in: Noto Sans SC (SIL Open Font License 1.1), regular and bold, as the static
 * TrueType files Google Fonts publishes, shipped by the npm package @expo-google-fonts/noto-sans-sc (nothing is
 * downloaded at run time).
 *
 * One face for all three languages: it holds 30,890 characters — simplified and traditional (办/辦, 证/證, 发/發)
 * and Latin — so a zh-Hant receipt that quotes a name from the register in simplified characters still renders.
 * Noto Sans TC would give zh-Hant text Taiwan-style glyph shapes, but it lacks simplified characters, so it would
 * need a per-character fallback; the SC face draws traditional characters in the mainland standard's shapes.
 *
 * Each file is ≈ 10.5 MB; it is read and parsed once per process (fontkit reads tables lazily) and shared by every
 * document. pdfkit embeds only the glyphs a document uses (a subset), so a receipt is 35–46 KB.
 */
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * Read from the app's root (the working directory of `npm start`, `next start`, vitest and the scripts). Each path
 * is written out whole, so Next's build traces exactly these two files into the routes that render PDFs (a
 * standalone deployment copies them) instead of tracing the whole project.
 */
const readers = {
  regular: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf")),
  bold: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf")),
};
export type TPdfFontWeight = keyof typeof readers;

export type TPdfFont = fontkit.Font;

let loaded: Record<TPdfFontWeight, TPdfFont> | undefined;

export function loadPdfFonts(): Record<TPdfFontWeight, TPdfFont> {
  if (loaded) return loaded;
  const open = (weight: TPdfFontWeight) => {
    const font = fontkit.create(readers[weight]());
    // A .ttc collection would give several faces; these files are single fonts.
    if (!("layout" in font)) throw new Error(`the ${weight} PDF font is a font collection, not a single font`);
    return font;
  };
  loaded = { regular: open("regular"), bold: open("bold") };
  return loaded;
}
