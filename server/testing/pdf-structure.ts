/**
 * Reads back what a screen reader and a font check need from a PDF, for tests: the catalog's tagging flags and
 * language, each page's structure tree as pdf.js builds it for assistive technology (roles, alternative text, the
 * text each element holds), what is painted outside any marked content (neither tagged nor an artifact), and which
 * embedded face draws which text, .notdef boxes included.
 *
 * The structure comes from pdf.js (through unpdf), as a reader's viewer sees it. The painting and the faces come from
 * the file itself: the cross-reference table, the page objects, their content streams inflated with zlib and the
 * fonts' ToUnicode maps — written for the plain layout pdfkit produces (no object streams), not for every PDF.
 */
import { inflateSync } from "node:zlib";
import { getDocumentProxy } from "unpdf";

export type TTag = { role: string; alt?: string; lang?: string; text: string; children: TTag[]; links: number };
/** A run of text as drawn: the face (BaseFont without its subset prefix) and the characters; U+0000 is a .notdef. */
export type TDrawnRun = { font: string; text: string };
export type TPdfPageTags = { tree: TTag | undefined; unmarked: string[]; runs: TDrawnRun[] };

type TStructNode = { role?: string; alt?: string; lang?: string; type?: string; id?: string; children?: TStructNode[] };

export async function readPdfTags(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
  const markInfo = await pdf.getMarkInfo();
  const viewer = (await pdf.getViewerPreferences()) as { DisplayDocTitle?: boolean } | null;
  const file = readPdfFile(bytes);
  const pages: TPdfPageTags[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textOf = new Map<string, string>();
    let open: string[] = [];
    for (const item of content.items) {
      if ("type" in item) {
        if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") open = [...open, item.id ?? ""];
        if (item.type === "endMarkedContent") open = open.slice(0, -1);
      } else if (open.at(-1)) textOf.set(open.at(-1)!, (textOf.get(open.at(-1)!) ?? "") + item.str);
    }
    // pdf.js gives each page every element of a structure that touches it (a table over two pages is on both, with
    // the other page's rows empty): keep the elements with content on this page.
    const toTag = (node: TStructNode): TTag | undefined => {
      const elements = (node.children ?? []).filter((child) => child.role).flatMap((child) => toTag(child) ?? []);
      // pdf.js inserts a space item where a gap separates two cells; it is not part of either.
      const contents = (node.children ?? []).filter((child) => child.type === "content").map((child) => (textOf.get(child.id ?? "") ?? "").trim());
      const links = (node.children ?? []).filter((child) => child.type === "object").length;
      if (elements.length === 0 && contents.length === 0 && links === 0) return undefined;
      return {
        role: node.role ?? "",
        ...(node.alt !== undefined ? { alt: node.alt } : {}),
        ...(node.lang !== undefined ? { lang: node.lang } : {}),
        text: [...contents, ...elements.map((element) => element.text)].join(""),
        children: elements,
        links,
      };
    };
    const root = (await page.getStructTree()) as TStructNode | null;
    const walked = file.walkPage(number - 1);
    pages.push({ tree: root?.children?.[0] && toTag(root.children[0]), ...walked });
  }
  return {
    title: info.Title,
    language: info.Language,
    marked: markInfo?.Marked === true,
    displayDocTitle: viewer?.DisplayDocTitle === true,
    pages,
    /** Every face a page draws with, once each. */
    fonts: [...new Set(pages.flatMap((page) => page.runs.map((run) => run.font)))].sort(),
  };
}

/** The elements of a tree in reading order, depth first, as "role" or "role: text" for leaves. */
export function outlineTags(tag: TTag): string[] {
  if (tag.children.length === 0) return [`${tag.role}: ${tag.text}`];
  return [tag.role, ...tag.children.flatMap((child) => outlineTags(child).map((line) => `  ${line}`))];
}

function readPdfFile(bytes: Uint8Array) {
  const data = Buffer.from(bytes);
  const text = data.toString("latin1");
  const offsets = new Map<number, number>();
  const xref = text.slice(Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]));
  // pdfkit numbers its objects 1, 2, 3 … and lists them in that order after the free entry 0.
  [...xref.matchAll(/(\d{10}) \d{5} n/g)].forEach(([, offset], index) => offsets.set(index + 1, Number(offset)));
  const object = (id: number) => {
    const start = text.indexOf("obj", offsets.get(id)!) + 3;
    const streamAt = text.indexOf("stream", start);
    const end = text.indexOf("endobj", start);
    const dictionary = text.slice(start, streamAt >= 0 && streamAt < end ? streamAt : end);
    if (!(streamAt >= 0 && streamAt < end)) return { dictionary, stream: undefined };
    const from = streamAt + "stream".length + (text[streamAt + 6] === "\r" ? 2 : 1);
    const raw = data.subarray(from, from + Number(/\/Length (\d+)/.exec(dictionary)![1]));
    return { dictionary, stream: (/\/FlateDecode/.test(dictionary) ? inflateSync(raw) : raw).toString("latin1") };
  };
  const reference = (dictionary: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary)![1]);
  const root = object(reference(/trailer\s*<<([\s\S]*?)>>/.exec(text)![1], "Root")).dictionary;
  const pageIds = [...(/\/Kids \[([^\]]*)\]/.exec(object(reference(root, "Pages")).dictionary)![1].matchAll(/(\d+) 0 R/g))].map((match) => Number(match[1]));

  const walkPage = (index: number) => {
    const page = object(pageIds[index]).dictionary;
    const resources = object(reference(page, "Resources")).dictionary;
    const faces = new Map<string, { name: string; unicode: Map<number, string> }>();
    for (const [, name, id] of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "").matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const font = object(Number(id)).dictionary;
      faces.set(name, { name: /\/BaseFont \/(?:[A-Z]{6}\+)?(\S+)/.exec(font)![1], unicode: readToUnicode(object(reference(font, "ToUnicode")).stream!) });
    }
    return walkContent(object(reference(page, "Contents")).stream!, faces);
  };
  return { walkPage };
}

/** The array form of bfrange pdfkit writes: `<first> <last> [<utf-16> …]`, glyph id → characters. */
function readToUnicode(cmap: string) {
  const unicode = new Map<number, string>();
  for (const [, first, values] of cmap.matchAll(/<([0-9a-f]+)> <[0-9a-f]+> \[([^\]]*)\]/gi)) {
    // A glyph standing for several characters (a ligature such as "fi") lists them all: <0066 0069>.
    [...values.matchAll(/<([0-9a-f\s]+)>/gi)].forEach(([, hex], index) => {
      const units = hex.replace(/\s/g, "").match(/.{4}/g)!.map((unit) => parseInt(unit, 16));
      unicode.set(parseInt(first, 16) + index, String.fromCharCode(...units));
    });
  }
  return unicode;
}

const painting = new Set(["f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "Tj", "TJ", "'", '"']);

/** Walks a content stream: what is painted outside marked content, and the text each face draws. */
function walkContent(stream: string, faces: Map<string, { name: string; unicode: Map<number, string> }>) {
  const unmarked: string[] = [];
  const runs: TDrawnRun[] = [];
  let depth = 0;
  let nesting = 0;
  let font: { name: string; unicode: Map<number, string> } | undefined;
  let operands: string[] = [];
  const tokens = stream.matchAll(/<<|>>|\[|\]|<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\()])*\)|\/[^\s/[\]<>()]*|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g);
  for (const [token] of tokens) {
    if (token === "<<") nesting += 1;
    if (token === ">>") nesting -= 1;
    const operator = nesting === 0 && /^[A-Za-z'"*]+$/.test(token);
    if (!operator) {
      operands.push(token);
      continue;
    }
    if (token === "BDC" || token === "BMC") depth += 1;
    if (token === "EMC") depth -= 1;
    if (token === "Tf") font = faces.get(operands.find((operand) => operand.startsWith("/"))!.slice(1));
    if (painting.has(token) && depth === 0) unmarked.push(token);
    if ((token === "TJ" || token === "Tj") && font) {
      const glyphs = operands.filter((operand) => operand.startsWith("<")).flatMap((hex) => hex.slice(1, -1).replace(/\s/g, "").match(/.{4}/g) ?? []);
      const drawn = glyphs.map((glyph) => font!.unicode.get(parseInt(glyph, 16)) ?? "\u0000").join("");
      const last = runs.at(-1);
      if (last?.font === font.name) last.text += drawn;
      else runs.push({ font: font.name, text: drawn });
    }
    operands = [];
  }
  return { unmarked, runs };
}
