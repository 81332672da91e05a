/**
 * A small document renderer for the PDFs the portal hands out (受理回执 receipts, e-licences): a list of blocks —
 * caption, title, heading, paragraph, label/value rows, a table, a QR code — laid out on A4 pages with a footer
 * that numbers them. Callers say what to show; this file alone decides how it looks, so every PDF looks alike.
 *
 * Built on pdfkit: it embeds a subset of the CJK font (fontkit 2, whose subsetter writes correct TrueType; the
 * @pdf-lib/fontkit fork pdf-lib relies on is reported to corrupt CJK subsets), and its line wrapper follows Unicode line breaking
 * (UAX #14): Chinese text breaks between any two characters, but never before a closing mark such as ，。）,
 * while Latin text breaks between words and splits a word only when it is wider than the line.
 *
 * Every PDF is tagged (PDF 1.7 Tagged PDF), so a screen reader reads it in order and knows what each part is: the
 * title is H1, headings H2, paragraphs P, label/value rows and tables Table/TR/TH/TD, the QR code a Figure whose
 * alternative text says where it leads, its links Link elements; rules, bars and page footers are artifacts a reader
 * skips. The structure is built in drawing order, so the reading order is the order of the blocks.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";
import { escapeXmpInfo } from "./escape-xmp-info";
import { drawOnPdfThread } from "./pdf-threads";
import { loadPdfFont, pdfFacesFor, type TPdfFace, type TPdfFaces, type TPdfFontWeight } from "./fonts";
import { splitTextByFace } from "./split-text-by-face";
import { artifact, link, pdfLanguages, struct, tag, type TElement } from "./tagging";

export type TPdfBlock =
  /** A short line above the title (the portal's name, a document number), in grey. */
  | { kind: "caption"; text: string }
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  /** `notice` sets the text off with a bar on its left, for what a reader must not miss. */
  | { kind: "paragraph"; text: string; emphasis?: "notice" }
  /** Label/value rows, the label in a narrower first column. */
  | { kind: "fields"; rows: { label: string; value: string }[] }
  /** Column widths are relative (e.g. 3, 2, 2); the header row repeats on every page the table runs onto. */
  | { kind: "table"; columns: { header: string; width: number }[]; rows: string[][] }
  /**
   * A QR code that opens `url`, with a caption beside it and the URL itself under the caption (for a reader who
   * cannot scan); the code and the URL are also links, for a reader on screen. `alt` is what a screen reader says
   * for the code: what it is and where it leads.
   */
  | { kind: "qr"; url: string; caption: string; alt: string };

export type TPdfDocument = {
  locale: Locale;
  /** The document's title in its metadata (what a PDF viewer's title bar shows); not drawn — use a title block. */
  title: string;
  /** Metadata: who issues the document (the portal). */
  author: string;
  subject?: string;
  /** Drawn at the foot of every page, left; the page number ("第 1 页，共 2 页") goes right. */
  footer?: string;
  blocks: TPdfBlock[];
};

// A4 in points (1/72 inch); 2 cm side margins, room for the footer at the bottom.
const margins = { top: 56, bottom: 72, left: 56, right: 56 };
const colors = { ink: "#0b0c0c", muted: "#505a5f", line: "#b1b4b6", notice: "#1d70b8" };
const body = { size: 10.5, lineGap: 3 };
const cellPadding = 5;
const qrSize = 96; // ≈ 34 mm: a phone reads it from arm's length, and the caption beside it keeps room

type TDoc = PDFKit.PDFDocument;
type TTextOptions = PDFKit.Mixins.TextOptions;
/** One document being drawn: the pdfkit document, its faces, and the structure element blocks are added to. */
type TCanvas = { doc: TDoc; faces: TPdfFaces; root: TElement };

/** Renders the document to the bytes of a PDF file, on a PDF thread (pdf-threads.ts): the event loop stays free. */
export function renderPdf(document: TPdfDocument): Promise<Uint8Array> {
  return drawOnPdfThread(document);
}

/** Draws the document on this thread: what a PDF thread runs. Everything else calls renderPdf. */
export async function drawPdf(document: TPdfDocument): Promise<Uint8Array> {
  const faces = pdfFacesFor(document.locale);
  const doc = new PDFDocument({
    size: "A4",
    margins,
    // No default font: otherwise pdfkit sets up Helvetica, which cannot draw Chinese and would only add an object.
    font: null as unknown as string,
    autoFirstPage: false,
    // Keep every page until the end, so the footer can say "page 1 of N".
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    lang: pdfLanguages[document.locale],
    displayTitle: true,
    // pdfkit hashes every info entry into the file id, so an absent subject must be left out, not undefined.
    info: { Title: document.title, Author: document.author, Creator: document.author, ...(document.subject ? { Subject: document.subject } : {}) },
  });
  escapeXmpInfo(doc);
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  // pdfkit takes an already parsed fontkit font as a source (its types only list files and bytes). Given bytes, it
  // would parse the face per document, and the first layout on a fresh face costs ≈ 30 ms (docs/BENCHMARKS.md).
  // A registered face that draws nothing is not embedded.
  for (const face of [faces.primary, ...(faces.fallback ? [faces.fallback] : [])]) {
    for (const weight of ["regular", "bold"] as const) doc.registerFont(fontName(face, weight), loadPdfFont(face, weight) as unknown as Uint8Array);
  }
  doc.addPage();

  const root = struct(doc, "Document");
  doc.addStructure(root);
  const canvas: TCanvas = { doc, faces, root };
  for (const block of document.blocks) drawBlock(canvas, block);
  root.end();
  drawFooters(canvas, document);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawBlock(canvas: TCanvas, block: TPdfBlock) {
  const { doc, root } = canvas;
  const left = margins.left;
  const width = contentWidth(doc);
  switch (block.kind) {
    case "caption":
      style(canvas, "regular", 10.5, colors.muted);
      keepTogether(doc, doc.heightOfString(block.text, { width }));
      tag(root, struct(doc, "P", {}, () => write(canvas, "regular", block.text, left, doc.y, { width, lineGap: 2 })));
      doc.y += 4;
      return;
    case "title":
      style(canvas, "bold", 20, colors.ink);
      keepTogether(doc, doc.heightOfString(block.text, { width, lineGap: 2 }));
      tag(root, struct(doc, "H1", {}, () => write(canvas, "bold", block.text, left, doc.y, { width, lineGap: 2 })));
      doc.y += 14;
      return;
    case "heading":
      style(canvas, "bold", 13, colors.ink);
      doc.y += 6;
      // A heading is never the last line of a page: keep it with a line of what follows.
      keepTogether(doc, doc.heightOfString(block.text, { width }) + 3 * body.size);
      tag(root, struct(doc, "H2", {}, () => write(canvas, "bold", block.text, left, doc.y, { width, lineGap: 2 })));
      doc.y += 6;
      return;
    case "paragraph":
      drawParagraph(canvas, block.text, block.emphasis === "notice");
      return;
    case "fields":
      drawFields(canvas, block.rows);
      return;
    case "table":
      drawTable(canvas, block.columns, block.rows);
      return;
    case "qr":
      drawQr(canvas, block);
      return;
  }
}

function drawParagraph(canvas: TCanvas, text: string, notice: boolean) {
  const { doc } = canvas;
  const barWidth = notice ? 4 : 0;
  const indent = notice ? barWidth + 10 : 0;
  const width = contentWidth(doc) - indent;
  const weight = notice ? "bold" : "regular";
  style(canvas, weight, body.size, colors.ink);
  const height = doc.heightOfString(text, { width, lineGap: body.lineGap });
  // A short paragraph moves to the next page whole; a long one flows over pages as pdfkit wraps it.
  if (height < pageBottom(doc) - margins.top) keepTogether(doc, height);
  const top = doc.y;
  tag(canvas.root, struct(doc, "P", {}, () => write(canvas, weight, text, margins.left + indent, top, { width, lineGap: body.lineGap })));
  if (notice && doc.y > top) artifact(doc, () => doc.rect(margins.left, top, barWidth, doc.y - top - body.lineGap).fill(colors.notice));
  doc.x = margins.left;
  doc.y += 8;
}

function drawFields(canvas: TCanvas, rows: { label: string; value: string }[]) {
  const { doc } = canvas;
  const width = contentWidth(doc);
  const labelWidth = Math.round(width * 0.3);
  const valueWidth = width - labelWidth;
  // Each row reads as "label: value", the label a row header (a screen reader announces it with the value).
  const table = tag(canvas.root, struct(doc, "Table"));
  for (const row of rows) {
    const labelHeight = measure(canvas, "bold", row.label, labelWidth - 2 * cellPadding);
    const valueHeight = measure(canvas, "regular", row.value, valueWidth - 2 * cellPadding);
    const height = Math.max(labelHeight, valueHeight) + 2 * cellPadding;
    keepTogether(doc, height);
    const top = doc.y;
    const tableRow = tag(table, struct(doc, "TR"));
    const cellOptions = { width: labelWidth - 2 * cellPadding, lineGap: body.lineGap };
    tag(tableRow, struct(doc, "TH", { scope: "Row" }, () => writeStyled(canvas, "bold", row.label, margins.left + cellPadding, top + cellPadding, cellOptions)));
    const valueOptions = { width: valueWidth - 2 * cellPadding, lineGap: body.lineGap };
    tag(tableRow, struct(doc, "TD", {}, () => writeStyled(canvas, "regular", row.value, margins.left + labelWidth + cellPadding, top + cellPadding, valueOptions)));
    tableRow.end();
    rule(doc, top + height, 0.5);
    doc.y = top + height;
  }
  table.end();
  doc.x = margins.left;
  doc.y += 12;
}

function drawTable(canvas: TCanvas, columns: { header: string; width: number }[], rows: string[][]) {
  const { doc } = canvas;
  const width = contentWidth(doc);
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * width);
  const lefts = widths.map((_, index) => margins.left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const rowHeight = (cells: string[], weight: TPdfFontWeight) =>
    Math.max(...cells.map((cell, index) => measure(canvas, weight, cell, widths[index] - 2 * cellPadding))) + 2 * cellPadding;
  const drawCells = (cells: string[], weight: TPdfFontWeight, top: number, parent?: TElement) => {
    cells.forEach((cell, index) => {
      const draw = () => writeStyled(canvas, weight, cell, lefts[index] + cellPadding, top + cellPadding, { width: widths[index] - 2 * cellPadding, lineGap: body.lineGap });
      if (parent) tag(parent, weight === "bold" ? struct(doc, "TH", { scope: "Column" }, draw) : struct(doc, "TD", {}, draw));
      else draw();
    });
  };
  /** A row of the table's structure; the header repeated on a later page is drawn as an artifact, read once. */
  const drawRow = (cells: string[], weight: TPdfFontWeight, height: number, ruleWidth: number, parent?: TElement) => {
    const top = doc.y;
    if (parent) {
      const tableRow = tag(parent, struct(doc, "TR"));
      drawCells(cells, weight, top, tableRow);
      tableRow.end();
    } else {
      artifact(doc, () => drawCells(cells, weight, top), "Pagination");
    }
    rule(doc, top + height, ruleWidth);
    doc.y = top + height;
  };
  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(headers, "bold");
  const firstRowHeight = rows.length > 0 ? rowHeight(rows[0], "regular") : 0;
  // The header never stands alone at the foot of a page.
  keepTogether(doc, headerHeight + firstRowHeight);
  const table = tag(canvas.root, struct(doc, "Table"));
  drawRow(headers, "bold", headerHeight, 1.5, table);
  for (const cells of rows) {
    const height = rowHeight(cells, "regular");
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawRow(headers, "bold", headerHeight, 1.5);
    }
    drawRow(cells, "regular", height, 0.5, table);
  }
  table.end();
  doc.x = margins.left;
  doc.y += 12;
}

function drawQr(canvas: TCanvas, { url, caption, alt }: { url: string; caption: string; alt: string }) {
  const { doc } = canvas;
  // Level M restores up to 15 % of the code: enough for a printed page with a crease or a stamp on it.
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = qrSize / modules.size;
  // The standard asks for 4 white modules (≈ 12 pt) around the code: the page margin on the left, the gap to the
  // caption on the right and the space after the block above give that.
  const gap = 18;
  const captionLeft = margins.left + qrSize + gap;
  const captionWidth = contentWidth(doc) - qrSize - gap;
  const captionHeight = measure(canvas, "regular", caption, captionWidth) + measure(canvas, "regular", url, captionWidth);
  const height = Math.max(qrSize, captionHeight);
  keepTogether(doc, height + 6);
  // A rule just above (a table's last line) must stay out of the quiet zone too.
  const top = doc.y + 6;
  const origin = { x: margins.left, y: top };
  // The code is a link holding a figure: a screen reader announces a linked graphic and reads its alternative text.
  const codeLink = tag(canvas.root, struct(doc, "Link"));
  const figure = struct(doc, "Figure", { alt, bbox: [origin.x, origin.y, origin.x + qrSize, origin.y + qrSize] }, () => {
    // Dark modules as one path of horizontal runs, filled once: vector squares stay sharp at any zoom or printer
    // resolution, weigh a few hundred bytes, and one fill leaves no hairline seams between neighbouring squares.
    for (let row = 0; row < modules.size; row += 1) {
      let column = 0;
      while (column < modules.size) {
        if (!modules.get(row, column)) {
          column += 1;
          continue;
        }
        const start = column;
        while (column < modules.size && modules.get(row, column)) column += 1;
        doc.rect(origin.x + start * cell, origin.y + row * cell, (column - start) * cell, cell);
      }
    }
    doc.fill(colors.ink);
  });
  tag(codeLink, figure);
  link(doc, codeLink, { x: margins.left, y: top, width: qrSize, height: qrSize }, url, alt);
  codeLink.end();

  tag(canvas.root, struct(doc, "P", {}, () => writeStyled(canvas, "regular", caption, captionLeft, top, { width: captionWidth, lineGap: body.lineGap })));
  const urlParagraph = tag(canvas.root, struct(doc, "P"));
  const urlLink = tag(urlParagraph, struct(doc, "Link"));
  const urlTop = doc.y;
  // On a line of its own, so it breaks (if it must) between its parts rather than after "https://".
  urlLink.add(() => writeStyled(canvas, "regular", url, captionLeft, urlTop, { width: captionWidth, lineGap: body.lineGap }));
  const urlWidth = Math.min(captionWidth, doc.widthOfString(url));
  link(doc, urlLink, { x: captionLeft, y: urlTop, width: urlWidth, height: doc.y - urlTop - body.lineGap }, url, url);
  urlLink.end();
  urlParagraph.end();
  doc.x = margins.left;
  doc.y = top + height + 16;
}

function drawFooters(canvas: TCanvas, document: TPdfDocument) {
  const { doc } = canvas;
  const t = translatorFor(document.locale);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while drawing the footer.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - margins.bottom + 24;
    const width = contentWidth(doc);
    // Running text a reader skips, as they would a printed page's foot (the title and the page are in the metadata).
    artifact(
      doc,
      () => {
        doc.moveTo(margins.left, top - 8).lineTo(margins.left + width, top - 8).lineWidth(0.5).stroke(colors.line);
        style(canvas, "regular", 9, colors.muted);
        const pageLabel = t("pdf.pageOf", { page: index - start + 1, pages: count });
        const pageLabelWidth = doc.widthOfString(pageLabel) + 1;
        if (document.footer) write(canvas, "regular", document.footer, margins.left, top, { width: width - pageLabelWidth - 12, lineBreak: false, ellipsis: true });
        write(canvas, "regular", pageLabel, margins.left + width - pageLabelWidth, top, { width: pageLabelWidth, lineBreak: false });
      },
      "Pagination",
    );
    doc.page.margins.bottom = margins.bottom;
  }
}

function fontName(face: TPdfFace, weight: TPdfFontWeight) {
  return `${face}-${weight}`;
}

/** Sets the primary face in `weight`: every measurement is made in it (see fonts.ts for why that is exact). */
function style(canvas: TCanvas, weight: TPdfFontWeight, size: number, color: string) {
  canvas.doc.font(fontName(canvas.faces.primary, weight)).fontSize(size).fillColor(color);
}

/**
 * Draws text as `doc.text` would, each character in a face that holds it: the runs of a text that needs the fallback
 * face are drawn one after another as one paragraph, which pdfkit wraps as it would the whole.
 */
function write(canvas: TCanvas, weight: TPdfFontWeight, text: string, x: number, y: number, options: TTextOptions) {
  const { doc, faces } = canvas;
  const runs = splitTextByFace(text, loadPdfFont(faces.primary, weight), faces.fallback && loadPdfFont(faces.fallback, weight));
  runs.forEach((run, index) => {
    doc.font(fontName(run.fallback && faces.fallback ? faces.fallback : faces.primary, weight));
    const continued = index < runs.length - 1;
    if (index === 0) doc.text(run.text, x, y, { ...options, continued });
    else doc.text(run.text, { ...options, continued });
  });
  doc.font(fontName(faces.primary, weight));
}

/** `write` in the body size and ink. */
function writeStyled(canvas: TCanvas, weight: TPdfFontWeight, text: string, x: number, y: number, options: TTextOptions) {
  style(canvas, weight, body.size, colors.ink);
  write(canvas, weight, text, x, y, options);
}

function measure(canvas: TCanvas, weight: TPdfFontWeight, text: string, width: number) {
  style(canvas, weight, body.size, colors.ink);
  // An empty cell still takes a line, so rows keep their rhythm.
  return canvas.doc.heightOfString(text || " ", { width, lineGap: body.lineGap });
}

function rule(doc: TDoc, y: number, width: number) {
  artifact(doc, () => doc.moveTo(margins.left, y).lineTo(margins.left + contentWidth(doc), y).lineWidth(width).stroke(width >= 1 ? colors.ink : colors.line));
}

function contentWidth(doc: TDoc) {
  return doc.page.width - margins.left - margins.right;
}

function pageBottom(doc: TDoc) {
  return doc.page.height - margins.bottom;
}

/** Starts a new page unless `height` more points fit on this one. */
function keepTogether(doc: TDoc, height: number) {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}
