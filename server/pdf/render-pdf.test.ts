import { describe, expect, it } from "vitest";
import { readPdf } from "@/server/testing/pdf-text";
import { renderPdf, type TPdfBlock } from "./render-pdf";

const a4 = { width: 595.28, height: 841.89 };
const margin = 56;
const render = (blocks: TPdfBlock[], locale: "zh-Hans" | "zh-Hant" | "en" = "zh-Hans") =>
  renderPdf({ locale, title: "测试文件", author: "一门通办", footer: "一门通办 · 测试", blocks });

describe("renderPdf", () => {
  it("makes one A4 page with its title in the metadata, the text readable back and the font embedded as a subset", async () => {
    const pdf = await render([
      { kind: "caption", text: "一门通办 · 政务服务" },
      { kind: "title", text: "受理回执" },
      { kind: "fields", rows: [{ label: "办件编号", value: "OD202611230000042" }] },
      { kind: "table", columns: [{ header: "事项", width: 2 }, { header: "办理部门", width: 1 }], rows: [["食品经营许可", "市场监督管理局"]] },
      { kind: "paragraph", text: "本回执不是许可证件。", emphasis: "notice" },
    ]);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    // The whole face is 10.5 MB per weight: only a subset of the glyphs used can make a file this small.
    expect(pdf.byteLength).toBeLessThan(60 * 1024);
    const read = await readPdf(pdf);
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0].width).toBeCloseTo(a4.width, 1);
    expect(read.pages[0].height).toBeCloseTo(a4.height, 1);
    expect(read.info).toMatchObject({ Title: "测试文件", Author: "一门通办", Language: "zh-Hans" });
    // Cells side by side read as one line, with a space between them (as pdf.js reports the gap).
    for (const line of ["一门通办 · 政务服务", "受理回执", "办件编号 OD202611230000042", "事项 办理部门", "食品经营许可 市场监督管理局", "本回执不是许可证件。"]) {
      expect(read.pages[0].lines.map((l) => l.text)).toContain(line);
    }
    expect(read.pages[0].lines.at(-1)).toMatchObject({ text: "一门通办 · 测试 第 1 页，共 1 页" });
  });

  it("draws traditional characters and English with the same face", async () => {
    const read = await readPdf(await render([{ kind: "paragraph", text: "電子證照已發放，請到「一門通辦」辦理。Licence issued." }], "zh-Hant"));
    expect(read.text).toContain("電子證照已發放，請到「一門通辦」辦理。Licence issued.");
    expect(read.info.Language).toBe("zh-Hant");
    expect(read.pages[0].lines.at(-1)?.text).toContain("第 1 頁，共 1 頁");
  });

  it("wraps Chinese between characters, within the margins, never starting a line with a closing mark", async () => {
    const sentence = "开办餐饮店一件事涉及市场监督管理局、消防救援支队和城市管理局，各部门在承诺时限内办结（逾期可投诉）。";
    const text = sentence.repeat(4);
    const { pages } = await readPdf(await render([{ kind: "paragraph", text }]));
    const lines = pages[0].lines.slice(0, -1); // the footer is not part of the paragraph
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.map((line) => line.text).join("")).toBe(text);
    for (const line of lines) {
      expect(line.left).toBeCloseTo(margin, 0);
      expect(line.right).toBeLessThanOrEqual(a4.width - margin + 0.5);
      expect(line.text).not.toMatch(/^[，。、）：；！？]/);
    }
    // Full lines use the width: no line but the last ends more than one character (10.5 pt) short of the margin.
    for (const line of lines.slice(0, -1)) expect(line.right).toBeGreaterThan(a4.width - margin - 2 * 10.5);
  });

  it("wraps English between words, splitting a word only when it is wider than the line", async () => {
    const text = "We have received your application. The departments below will handle it within their promised time limits. ".repeat(3).trim();
    const { pages } = await readPdf(await render([{ kind: "paragraph", text }], "en"));
    const lines = pages[0].lines.slice(0, -1);
    expect(lines.length).toBeGreaterThan(2);
    // Every line holds whole words: joining the lines with a space gives the text back.
    expect(lines.map((line) => line.text.trim()).join(" ")).toBe(text);
    for (const line of lines) expect(line.right).toBeLessThanOrEqual(a4.width - margin + 0.5);

    // A run of digits wider than the line has no break opportunity at all: it is split where the line ends.
    const digits = "0123456789".repeat(14);
    const long = await readPdf(await render([{ kind: "paragraph", text: digits }], "en"));
    const digitLines = long.pages[0].lines.slice(0, -1);
    expect(digitLines.length).toBe(2);
    expect(digitLines.map((line) => line.text).join("")).toBe(digits);
    for (const line of digitLines) expect(line.right).toBeLessThanOrEqual(a4.width - margin + 0.5);
  });

  it("runs a long table over pages, repeating its header, and numbers every page in the footer", async () => {
    const rows = Array.from({ length: 60 }, (_, index) => [`事项 ${index + 1}`, "市场监督管理局", "应于2026年11月30日前办结"]);
    const read = await readPdf(await render([{ kind: "title", text: "长表格" }, { kind: "table", columns: [{ header: "事项", width: 2 }, { header: "办理部门", width: 2 }, { header: "办理期限", width: 3 }], rows }]));
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    read.pages.forEach((page, index) => {
      expect(page.lines.some((line) => line.text === "事项 办理部门 办理期限")).toBe(true);
      expect(page.lines.at(-1)?.text).toBe(`一门通办 · 测试 第 ${index + 1} 页，共 ${read.pages.length} 页`);
      // Nothing is drawn into the bottom margin but the footer.
      for (const line of page.lines.slice(0, -1)) expect(line.y).toBeGreaterThan(72);
    });
    for (const row of rows) expect(read.text).toContain(row.join(" "));
  });

  it("draws a QR code that is also a link to its URL, beside its caption", async () => {
    const url = "https://onedoor.example.gov.cn/me/cases/OD202611230000042";
    const read = await readPdf(await render([{ kind: "qr", url, caption: "扫描二维码查看办理进度：" }]));
    const links = read.pages[0].links.filter((link) => link.url === url);
    // The code itself (a 96 pt square) and the URL written out beside it, under the caption.
    const square = links.find((link) => Math.abs(link.rect[2] - link.rect[0] - 96) < 0.5 && Math.abs(link.rect[3] - link.rect[1] - 96) < 0.5);
    expect(square).toBeDefined();
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(read.pages[0].lines.map((line) => line.text).slice(0, 2)).toEqual(["扫描二维码查看办理进度：", url]);
  });
});
