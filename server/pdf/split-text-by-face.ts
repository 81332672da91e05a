/**
 * Splits a text into runs, each drawn in one face: the document's primary face for every character it holds, the
 * fallback face for a character only the fallback holds (a simplified name quoted in a zh-Hant document).
 *
 * pdfkit draws the runs one after another as one paragraph (`continued`), and may break the line where one run
 * ends and the next begins. So a run boundary must fall where a line may break anyway: between two Chinese
 * characters (every character the fallback alone holds is one). A fallback run therefore also takes in the
 * characters around it up to the nearest Chinese character or space on either side — the 「」，。 or Latin letters
 * touching a simplified name — as long as the fallback face holds them. Latin letters and digits look the same in both faces;
 * punctuation touching such a name takes the fallback's shape, which is the price of never starting a line with ，.
 */
import type { TPdfFont } from "./fonts";

export type TTextRun = { text: string; fallback: boolean };

const han = /\p{Script=Han}/u;
const space = /\s/u;

export function splitTextByFace(text: string, primary: TPdfFont, fallback: TPdfFont | undefined): TTextRun[] {
  if (!fallback) return [{ text, fallback: false }];
  const characters = [...text];
  const holds = (font: TPdfFont, character: string) => font.hasGlyphForCodePoint(character.codePointAt(0)!);
  // A character neither face holds stays with the primary, which draws what it would have drawn alone.
  const inFallback = characters.map((character) => !holds(primary, character) && holds(fallback, character));
  if (!inFallback.includes(true)) return [{ text, fallback: false }];

  const takes = (index: number) => index >= 0 && index < characters.length && !inFallback[index] && !han.test(characters[index]) && holds(fallback, characters[index]);
  for (const seed of inFallback.flatMap((isFallback, index) => (isFallback ? [index] : []))) {
    // Leftwards up to a space (a line may break after one) or a Chinese character.
    for (let index = seed - 1; takes(index) && !space.test(characters[index]); index -= 1) inFallback[index] = true;
    // Rightwards up to a Chinese character, or through the first spaces (no line breaks before a space).
    for (let index = seed + 1; takes(index); index += 1) {
      inFallback[index] = true;
      if (space.test(characters[index]) && !space.test(characters[index + 1] ?? "")) break;
    }
  }

  const runs: TTextRun[] = [];
  characters.forEach((character, index) => {
    const last = runs.at(-1);
    if (last && last.fallback === inFallback[index]) last.text += character;
    else runs.push({ text: character, fallback: inFallback[index] });
  });
  return runs;
}
