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
 * document. pdfkit embeds only the glyphs a document uses (a subset), so a receipt stays ≈ 50 KB.
 */
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";

const fontPackage = ["node_modules", "@expo-google-fonts", "noto-sans-sc"] as const;

/**
 * Paths from the app's root (the working directory of `npm start`, `next start`, vitest and the scripts). A path
 * under node_modules is not bundled by Next: next.config.ts lists these files for output file tracing, so a
 * standalone deployment copies them too.
 */
export const pdfFontFiles = {
  regular: path.join(...fontPackage, "400Regular", "NotoSansSC_400Regular.ttf"),
  bold: path.join(...fontPackage, "700Bold", "NotoSansSC_700Bold.ttf"),
} as const;
export type TPdfFontWeight = keyof typeof pdfFontFiles;

export type TPdfFont = fontkit.Font;

let loaded: Record<TPdfFontWeight, TPdfFont> | undefined;

export function loadPdfFonts(): Record<TPdfFontWeight, TPdfFont> {
  if (loaded) return loaded;
  const open = (file: string) => {
    const font = fontkit.create(fs.readFileSync(path.join(process.cwd(), file)));
    // A .ttc collection would give several faces; these files are single fonts.
    if (!("layout" in font)) throw new Error(`${file} is a font collection, not a single font`);
    return font;
  };
  loaded = { regular: open(pdfFontFiles.regular), bold: open(pdfFontFiles.bold) };
  return loaded;
}
