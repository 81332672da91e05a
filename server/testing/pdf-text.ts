/**
 * Reads a PDF back as a reader's viewer would, for tests: its pages, each page's text as lines (text items on one
 * baseline, left to right, with where the line starts and ends), its link annotations, and its metadata. Uses
 * pdf.js (through unpdf), so a test also proves the file parses and the fonts map back to Unicode.
 */
import { getDocumentProxy } from "unpdf";

export type TPdfLine = { text: string; left: number; right: number; y: number };
export type TPdfPage = { width: number; height: number; lines: TPdfLine[]; links: { url: string; rect: number[] }[] };

export async function readPdf(bytes: Uint8Array) {
  // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: TPdfPage[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const [, , width, height] = page.view;
    const content = await page.getTextContent();
    const byBaseline = new Map<number, { str: string; x: number; width: number }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round(item.transform[5] * 10) / 10;
      const row = byBaseline.get(y) ?? [];
      row.push({ str: item.str, x: item.transform[4], width: item.width });
      byBaseline.set(y, row);
    }
    const lines = [...byBaseline.entries()]
      .sort(([a], [b]) => b - a)
      .flatMap(([y, items]) => {
        items.sort((a, b) => a.x - b.x);
        return [{ text: items.map((item) => item.str).join(""), left: items[0].x, right: Math.max(...items.map((item) => item.x + item.width)), y }];
      });
    const annotations = (await page.getAnnotations()) as { subtype: string; url?: string; rect: number[] }[];
    const links = annotations.filter((annotation) => annotation.subtype === "Link" && annotation.url).map((annotation) => ({ url: annotation.url!, rect: annotation.rect }));
    pages.push({ width, height, lines, links });
  }
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Author?: string; Language?: string } };
  return { pages, info, text: pages.flatMap((page) => page.lines.map((line) => line.text)).join("\n") };
}
