/**
 * A small document renderer for the PDFs the portal hands out (受理回执 receipts, e-licences): a list of blocks —
 * caption, title, heading, paragraph, label/value rows, a table, a QR code — laid out on A4 pages with a footer
 * that numbers them. Callers say what to show; this file alone decides how it looks, so every PDF looks alike.
 *
 * Built on pdfkit: it embeds a subset of the CJK font (fontkit 2, whose subsetter writes correct TrueType; the
 * @pdf-lib/fontkit fork pdf-lib relies on is reported to corrupt CJK subsets), and its line wrapper follows Unicode line breaking
 * (UAX #14): Chinese text breaks between any two characters, but never before a closing mark such as ，。）,
 * while Latin text breaks between words and splits a word only when it is wider than the line.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/server/i18n/translator";
import { loadPdfFonts, type TPdfFontWeight } from "./fonts";

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
   * cannot scan); the code and the URL are also links, for a reader on screen.
   */
  | { kind: "qr"; url: string; caption: string };

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

/** Renders the document to the bytes of a PDF file. */
export async function renderPdf(document: TPdfDocument): Promise<Uint8Array> {
  const fonts = loadPdfFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins,
    // No default font: otherwise pdfkit sets up Helvetica, which cannot draw Chinese and would only add an object.
    font: null as unknown as string,
    autoFirstPage: false,
    // Keep every page until the end, so the footer can say "page 1 of N".
    bufferPages: true,
    pdfVersion: "1.7",
    lang: document.locale,
    displayTitle: true,
    // pdfkit hashes every info entry into the file id, so an absent subject must be left out, not undefined.
    info: { Title: document.title, Author: document.author, Creator: document.author, ...(document.subject ? { Subject: document.subject } : {}) },
  });
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  // pdfkit takes an already parsed fontkit font as a source (its types only list files and bytes). Given bytes, it
  // would parse the face per document, and the first layout on a fresh face costs ≈ 30 ms (docs/BENCHMARKS.md).
  for (const weight of ["regular", "bold"] as const) doc.registerFont(weight, fonts[weight] as unknown as Uint8Array);
  doc.addPage();

  for (const block of document.blocks) drawBlock(doc, block);
  drawFooters(doc, document);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function drawBlock(doc: TDoc, block: TPdfBlock) {
  const left = margins.left;
  const width = contentWidth(doc);
  switch (block.kind) {
    case "caption":
      style(doc, "regular", 10.5, colors.muted);
      keepTogether(doc, doc.heightOfString(block.text, { width }));
      doc.text(block.text, left, doc.y, { width, lineGap: 2 });
      doc.y += 4;
      return;
    case "title":
      style(doc, "bold", 20, colors.ink);
      keepTogether(doc, doc.heightOfString(block.text, { width, lineGap: 2 }));
      doc.text(block.text, left, doc.y, { width, lineGap: 2 });
      doc.y += 14;
      return;
    case "heading":
      style(doc, "bold", 13, colors.ink);
      doc.y += 6;
      // A heading is never the last line of a page: keep it with a line of what follows.
      keepTogether(doc, doc.heightOfString(block.text, { width }) + 3 * body.size);
      doc.text(block.text, left, doc.y, { width, lineGap: 2 });
      doc.y += 6;
      return;
    case "paragraph":
      drawParagraph(doc, block.text, block.emphasis === "notice");
      return;
    case "fields":
      drawFields(doc, block.rows);
      return;
    case "table":
      drawTable(doc, block.columns, block.rows);
      return;
    case "qr":
      drawQr(doc, block.url, block.caption);
      return;
  }
}

function drawParagraph(doc: TDoc, text: string, notice: boolean) {
  const barWidth = notice ? 4 : 0;
  const indent = notice ? barWidth + 10 : 0;
  const width = contentWidth(doc) - indent;
  style(doc, notice ? "bold" : "regular", body.size, colors.ink);
  const height = doc.heightOfString(text, { width, lineGap: body.lineGap });
  // A short paragraph moves to the next page whole; a long one flows over pages as pdfkit wraps it.
  if (height < pageBottom(doc) - margins.top) keepTogether(doc, height);
  const top = doc.y;
  doc.text(text, margins.left + indent, top, { width, lineGap: body.lineGap });
  if (notice && doc.y > top) doc.rect(margins.left, top, barWidth, doc.y - top - body.lineGap).fill(colors.notice);
  doc.x = margins.left;
  doc.y += 8;
}

function drawFields(doc: TDoc, rows: { label: string; value: string }[]) {
  const width = contentWidth(doc);
  const labelWidth = Math.round(width * 0.3);
  const valueWidth = width - labelWidth;
  for (const row of rows) {
    const labelHeight = measure(doc, "bold", row.label, labelWidth - 2 * cellPadding);
    const valueHeight = measure(doc, "regular", row.value, valueWidth - 2 * cellPadding);
    const height = Math.max(labelHeight, valueHeight) + 2 * cellPadding;
    keepTogether(doc, height);
    const top = doc.y;
    style(doc, "bold", body.size, colors.ink);
    doc.text(row.label, margins.left + cellPadding, top + cellPadding, { width: labelWidth - 2 * cellPadding, lineGap: body.lineGap });
    style(doc, "regular", body.size, colors.ink);
    doc.text(row.value, margins.left + labelWidth + cellPadding, top + cellPadding, { width: valueWidth - 2 * cellPadding, lineGap: body.lineGap });
    rule(doc, top + height, 0.5);
    doc.y = top + height;
  }
  doc.x = margins.left;
  doc.y += 12;
}

function drawTable(doc: TDoc, columns: { header: string; width: number }[], rows: string[][]) {
  const width = contentWidth(doc);
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * width);
  const lefts = widths.map((_, index) => margins.left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  const rowHeight = (cells: string[], weight: TPdfFontWeight) =>
    Math.max(...cells.map((cell, index) => measure(doc, weight, cell, widths[index] - 2 * cellPadding))) + 2 * cellPadding;
  const drawRow = (cells: string[], weight: TPdfFontWeight, height: number, ruleWidth: number) => {
    const top = doc.y;
    style(doc, weight, body.size, colors.ink);
    cells.forEach((cell, index) => {
      doc.text(cell, lefts[index] + cellPadding, top + cellPadding, { width: widths[index] - 2 * cellPadding, lineGap: body.lineGap });
    });
    rule(doc, top + height, ruleWidth);
    doc.y = top + height;
  };
  const headers = columns.map((column) => column.header);
  const headerHeight = rowHeight(headers, "bold");
  const firstRowHeight = rows.length > 0 ? rowHeight(rows[0], "regular") : 0;
  // The header never stands alone at the foot of a page.
  keepTogether(doc, headerHeight + firstRowHeight);
  drawRow(headers, "bold", headerHeight, 1.5);
  for (const cells of rows) {
    const height = rowHeight(cells, "regular");
    if (doc.y + height > pageBottom(doc)) {
      doc.addPage();
      drawRow(headers, "bold", headerHeight, 1.5);
    }
    drawRow(cells, "regular", height, 0.5);
  }
  doc.x = margins.left;
  doc.y += 12;
}

function drawQr(doc: TDoc, url: string, caption: string) {
  // Level M restores up to 15 % of the code: enough for a printed page with a crease or a stamp on it.
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = qrSize / modules.size;
  // The standard asks for 4 white modules (≈ 12 pt) around the code: the page margin on the left, the gap to the
  // caption on the right and the space after the block above give that.
  const gap = 18;
  const captionLeft = margins.left + qrSize + gap;
  const captionWidth = contentWidth(doc) - qrSize - gap;
  const captionHeight = measure(doc, "regular", caption, captionWidth) + measure(doc, "regular", url, captionWidth);
  const height = Math.max(qrSize, captionHeight);
  keepTogether(doc, height + 6);
  // A rule just above (a table's last line) must stay out of the quiet zone too.
  const top = doc.y + 6;
  const origin = { x: margins.left, y: top };
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
  doc.link(margins.left, top, qrSize, qrSize, url);
  style(doc, "regular", body.size, colors.ink);
  doc.text(caption, captionLeft, top, { width: captionWidth, lineGap: body.lineGap });
  // On a line of its own, so it breaks (if it must) between its parts rather than after "https://".
  doc.text(url, captionLeft, doc.y, { width: captionWidth, lineGap: body.lineGap, link: url });
  doc.x = margins.left;
  doc.y = top + height + 16;
}

function drawFooters(doc: TDoc, document: TPdfDocument) {
  const t = translatorFor(document.locale);
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit start a new page: lift the margin while drawing the footer.
    doc.page.margins.bottom = 0;
    const top = doc.page.height - margins.bottom + 24;
    const width = contentWidth(doc);
    doc.moveTo(margins.left, top - 8).lineTo(margins.left + width, top - 8).lineWidth(0.5).stroke(colors.line);
    style(doc, "regular", 9, colors.muted);
    const pageLabel = t("pdf.pageOf", { page: index - start + 1, pages: count });
    const pageLabelWidth = doc.widthOfString(pageLabel) + 1;
    if (document.footer) doc.text(document.footer, margins.left, top, { width: width - pageLabelWidth - 12, lineBreak: false, ellipsis: true });
    doc.text(pageLabel, margins.left + width - pageLabelWidth, top, { width: pageLabelWidth, lineBreak: false });
    doc.page.margins.bottom = margins.bottom;
  }
}

function style(doc: TDoc, weight: TPdfFontWeight, size: number, color: string) {
  doc.font(weight).fontSize(size).fillColor(color);
}

function measure(doc: TDoc, weight: TPdfFontWeight, text: string, width: number) {
  style(doc, weight, body.size, colors.ink);
  // An empty cell still takes a line, so rows keep their rhythm.
  return doc.heightOfString(text || " ", { width, lineGap: body.lineGap });
}

function rule(doc: TDoc, y: number, width: number) {
  doc.moveTo(margins.left, y).lineTo(margins.left + contentWidth(doc), y).lineWidth(width).stroke(width >= 1 ? colors.ink : colors.line);
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
