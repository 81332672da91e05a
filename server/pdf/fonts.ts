/**
 * The typefaces PDFs are set in: Noto Sans SC and Noto Sans TC (SIL Open Font License 1.1), regular and bold, as the
 * static TrueType files Google Fonts publishes, shipped by the npm packages @expo-google-fonts/noto-sans-sc and
 * @expo-google-fonts/noto-sans-tc (nothing is downloaded at run time).
 *
 * zh-Hans and English documents are set in the SC face alone (30,890 characters: simplified, traditional and Latin).
 * zh-Hant documents are set in the TC face, so traditional text takes the shapes a Traditional Chinese reader expects
 * (戶 骨 真 說, punctuation centred in its square) rather than the mainland standard's. The TC face lacks 11,856
 * characters the SC face has — all CJK ideographs, simplified ones such as 张 办 证 — and a zh-Hant document may
 * print data as it is held, in simplified characters (names are converted for zh-Hant readers, but a licence's own
 * fields are printed as issued), so each character the TC face lacks is drawn in the SC face instead
 * (`split-text-by-face.ts`). The two faces come from one family (Noto Sans CJK): the same metrics, the same advance
 * for every character both hold, and every character only SC holds is one em wide, as is the TC face's .notdef — so
 * measuring a zh-Hant text in the TC face alone gives the width, lines and height it is drawn with.
 *
 * Each file is 7–10.5 MB; each face is read and parsed once per process, when a document first needs it (fontkit
 * reads tables lazily), and shared by every document. pdfkit embeds only the glyphs a document uses (a subset), and
 * only the faces it draws with: a zh-Hant receipt quoting no simplified-only character embeds no SC face.
 */
import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import type { Locale } from "@/lib/i18n/locales";

/**
 * Read from the app's root (the working directory of `npm start`, `next start`, vitest and the scripts). Each path
 * is written out whole, so Next's build traces exactly these four files into the routes that render PDFs (a
 * standalone deployment copies them) instead of tracing the whole project.
 */
const readers = {
  sc: {
    regular: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf")),
    bold: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf")),
  },
  tc: {
    regular: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf")),
    bold: () => fs.readFileSync(path.join(process.cwd(), "node_modules/@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf")),
  },
};
export type TPdfFace = keyof typeof readers;
export type TPdfFontWeight = keyof (typeof readers)["sc"];
export type TPdfFont = fontkit.Font;

/** The faces a document is set in: `primary` draws every character it holds, `fallback` (if any) the rest. */
export type TPdfFaces = { primary: TPdfFace; fallback?: TPdfFace };

export function pdfFacesFor(locale: Locale): TPdfFaces {
  return locale === "zh-Hant" ? { primary: "tc", fallback: "sc" } : { primary: "sc" };
}

const loaded = new Map<string, TPdfFont>();

/** The parsed face, read on first use and kept for the life of the process. */
export function loadPdfFont(face: TPdfFace, weight: TPdfFontWeight): TPdfFont {
  const key = `${face}:${weight}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const font = fontkit.create(readers[face][weight]());
  // A .ttc collection would give several faces; these files are single fonts.
  if (!("layout" in font)) throw new Error(`the ${face} ${weight} PDF font is a font collection, not a single font`);
  loaded.set(key, font);
  return font;
}
