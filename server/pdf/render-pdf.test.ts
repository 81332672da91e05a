import { describe, expect, it } from "vitest";
import { outlineTags, readPdfTags } from "@/server/testing/pdf-structure";
import { readPdf } from "@/server/testing/pdf-text";
import { renderPdf, type TPdfBlock } from "./render-pdf";

const a4 = { width: 595.28, height: 841.89 };
const margin = 56;
const footers = { "zh-Hans": "一门通办 · 测试", "zh-Hant": "一門通辦 · 測試", en: "OneDoor · test" };
const render = (blocks: TPdfBlock[], locale: "zh-Hans" | "zh-Hant" | "en" = "zh-Hans") =>
  renderPdf({ locale, title: "测试文件", author: "一门通办", footer: footers[locale], blocks });

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
    expect(read.info).toMatchObject({ Title: "测试文件", Author: "一门通办", Language: "zh-CN" });
    // Cells side by side read as one line, with a space between them (as pdf.js reports the gap).
    for (const line of ["一门通办 · 政务服务", "受理回执", "办件编号 OD202611230000042", "事项 办理部门", "食品经营许可 市场监督管理局", "本回执不是许可证件。"]) {
      expect(read.pages[0].lines.map((l) => l.text)).toContain(line);
    }
    expect(read.pages[0].lines.at(-1)).toMatchObject({ text: "一门通办 · 测试 第 1 页，共 1 页" });
  });

  it("writes a title with XML's special characters into the XMP metadata escaped, and into the info dictionary as it is", async () => {
    const title = `A&B 餐饮 <"第1号"> 'x'`;
    const pdf = await renderPdf({ locale: "zh-Hans", title, author: "一门通办 & Co", footer: footers["zh-Hans"], blocks: [{ kind: "title", text: "受理回执" }] });
    const file = new TextDecoder("latin1").decode(pdf);
    const xmp = new TextDecoder().decode(pdf.slice(file.indexOf("<x:xmpmeta"), file.indexOf("</x:xmpmeta>")));
    expect(xmp).toContain("A&amp;B 餐饮 &lt;&quot;第1号&quot;&gt; &apos;x&apos;");
    expect(xmp).toContain("一门通办 &amp; Co");
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect((await readPdf(pdf)).info).toMatchObject({ Title: title, Author: "一门通办 & Co" });
  });

  it("sets zh-Hant in the Traditional Chinese face, drawing only the characters that face lacks in the simplified one", async () => {
    const text = "電子證照已發放，請到「一門通辦」辦理。申請人张三，证件已办。Licence issued.";
    const pdf = await render([{ kind: "title", text: "戶門為" }, { kind: "paragraph", text }], "zh-Hant");
    const read = await readPdf(pdf);
    expect(read.text).toContain(text);
    expect(read.info.Language).toBe("zh-TW");
    expect(read.pages[0].lines.at(-1)?.text).toContain("第 1 頁，共 1 頁");
    const tags = await readPdfTags(pdf);
    expect(tags.fonts).toEqual(["NotoSansSC-Regular", "NotoSansTC-Bold", "NotoSansTC-Regular"]);
    const drawnIn = (font: string) => tags.pages[0].runs.filter((run) => run.font === font).map((run) => run.text);
    // The TC face lacks 张 证 办: the SC face draws them, with what touches them up to a Chinese character or a space
    // (a line may break where one face hands over to the other, and must not start with ， or 。; Latin letters look
    // the same in both faces). 三 and the rest stay in TC.
    expect(drawnIn("NotoSansSC-Regular")).toEqual(["张", "，证", "办。Licence "]);
    expect(drawnIn("NotoSansTC-Bold")).toEqual(["戶門為"]);
    expect(drawnIn("NotoSansTC-Regular").join("")).toContain("電子證照已發放，請到「一門通辦」辦理。申請人");
    // No character is drawn as a .notdef box.
    for (const run of tags.pages[0].runs) expect(run.text).not.toContain("\u0000");
  });

  it("embeds only the simplified face in zh-Hans and English, and only the traditional one in zh-Hant that needs no fallback", async () => {
    const fontsOf = async (locale: "zh-Hans" | "zh-Hant" | "en", text: string) => (await readPdfTags(await render([{ kind: "paragraph", text }], locale))).fonts;
    expect(await fontsOf("zh-Hans", "电子证照已发放，请到一门通办办理。")).toEqual(["NotoSansSC-Regular"]);
    expect(await fontsOf("en", "Licence issued to 张三.")).toEqual(["NotoSansSC-Regular"]);
    expect(await fontsOf("zh-Hant", "電子證照已發放，請到一門通辦辦理。")).toEqual(["NotoSansTC-Regular"]);
  });

  it("wraps a zh-Hant text mixing the two faces exactly as the same text in one face", async () => {
    // 张 (simplified only) and 張 (both faces) are one em wide alike: the lines must break at the same places.
    const mixed = "申請人张三已於承諾時限內提交全部材料（含「张三」的身份證明），請各部門依次辦理。".repeat(5);
    const single = mixed.replaceAll("张", "張");
    const linesOf = async (text: string) => (await readPdf(await render([{ kind: "paragraph", text }], "zh-Hant"))).pages[0].lines.slice(0, -1);
    const mixedLines = await linesOf(mixed);
    const singleLines = await linesOf(single);
    expect(mixedLines.length).toBeGreaterThanOrEqual(4);
    expect(mixedLines.map((line) => line.text.replaceAll("张", "張"))).toEqual(singleLines.map((line) => line.text));
    expect(mixedLines.map((line) => line.text).join("")).toBe(mixed);
    for (const line of mixedLines) {
      expect(line.right).toBeLessThanOrEqual(a4.width - margin + 0.5);
      expect(line.text).not.toMatch(/^[，。、）」：；！？]/);
    }
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
    const read = await readPdf(await render([{ kind: "qr", url, caption: "扫描二维码查看办理进度：", alt: `二维码：打开 ${url} 查看办理进度` }]));
    const links = read.pages[0].links.filter((link) => link.url === url);
    // The code itself (a 96 pt square) and the URL written out beside it, under the caption.
    const square = links.find((link) => Math.abs(link.rect[2] - link.rect[0] - 96) < 0.5 && Math.abs(link.rect[3] - link.rect[1] - 96) < 0.5);
    expect(square).toBeDefined();
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(read.pages[0].lines.map((line) => line.text).slice(0, 2)).toEqual(["扫描二维码查看办理进度：", url]);
  });
});

describe("renderPdf tagging", () => {
  const url = "https://onedoor.example.gov.cn/me/cases/OD202611230000042";
  const alt = `二维码：打开 ${url} 查看本件的办理进度`;
  const blocks: TPdfBlock[] = [
    { kind: "caption", text: "一门通办 · 政务服务" },
    { kind: "title", text: "受理回执" },
    { kind: "paragraph", text: "我们已收到您的申请。" },
    { kind: "fields", rows: [{ label: "办件编号", value: "OD202611230000042" }, { label: "申请人", value: "" }] },
    { kind: "heading", text: "办理部门及时限" },
    { kind: "table", columns: [{ header: "事项", width: 2 }, { header: "办理部门", width: 1 }], rows: [["食品经营许可", "市场监督管理局"]] },
    { kind: "qr", url, caption: "扫描二维码查看办理进度：", alt },
    { kind: "paragraph", text: "本回执不是许可证件。", emphasis: "notice" },
  ];

  it("tags every block in reading order — H1, P, tables with header cells, a linked figure with its alternative text — and marks the rest as artifacts", async () => {
    const pdf = await render(blocks);
    const read = await readPdfTags(pdf);
    expect(read).toMatchObject({ marked: true, displayDocTitle: true, title: "测试文件", language: "zh-CN" });
    const [page] = read.pages;
    expect(outlineTags(page.tree!)).toEqual([
      "Document",
      "  P: 一门通办 · 政务服务",
      "  H1: 受理回执",
      "  P: 我们已收到您的申请。",
      "  Table",
      "    TR",
      "      TH: 办件编号",
      "      TD: OD202611230000042",
      "    TR",
      "      TH: 申请人",
      "      TD: ",
      "  H2: 办理部门及时限",
      "  Table",
      "    TR",
      "      TH: 事项",
      "      TH: 办理部门",
      "    TR",
      "      TD: 食品经营许可",
      "      TD: 市场监督管理局",
      "  Link",
      "    Figure: ",
      "  P: 扫描二维码查看办理进度：",
      "  P",
      `    Link: ${url}`,
      "  P: 本回执不是许可证件。",
    ]);
    const [codeLink, urlParagraph] = page.tree!.children.filter((tag) => tag.role === "Link" || tag.text === url);
    expect(codeLink.children[0]).toMatchObject({ role: "Figure", alt });
    // Each link annotation belongs to its Link element (the QR code's and the written URL's).
    expect(codeLink.links).toBe(1);
    expect(urlParagraph.children[0].links).toBe(1);
    // Nothing is painted outside marked content: the rules, the notice bar and the footer are artifacts, drawn
    // (the footer's text is on the page) but in no element.
    expect(page.unmarked).toEqual([]);
    expect(page.runs.map((run) => run.text).join("")).toContain("一门通办 · 测试第 1 页，共 1 页");
    expect(outlineTags(page.tree!).join("\n")).not.toContain("第 1 页");
  });

  it("names the document's language for each locale", async () => {
    for (const [locale, language] of [["zh-Hans", "zh-CN"], ["zh-Hant", "zh-TW"], ["en", "en"]] as const) {
      expect((await readPdfTags(await render([{ kind: "paragraph", text: "一门通办" }], locale))).language).toBe(language);
    }
  });

  it("tags a table that runs over pages once: the header repeated on a later page is an artifact", async () => {
    const rows = Array.from({ length: 60 }, (_, index) => [`事项 ${index + 1}`, "市场监督管理局"]);
    const read = await readPdfTags(await render([{ kind: "title", text: "长表格" }, { kind: "table", columns: [{ header: "事项", width: 2 }, { header: "办理部门", width: 2 }], rows }]));
    expect(read.pages.length).toBeGreaterThanOrEqual(2);
    const cells = read.pages.flatMap((page) => outlineTags(page.tree!).filter((line) => /^\s+T[HD]: /.test(line)).map((line) => line.trim()));
    expect(cells.filter((cell) => cell.startsWith("TH"))).toEqual(["TH: 事项", "TH: 办理部门"]);
    expect(cells.filter((cell) => cell.startsWith("TD"))).toEqual(rows.flatMap((row) => row.map((cell) => `TD: ${cell}`)));
    for (const page of read.pages) {
      expect(page.unmarked).toEqual([]);
      // The header is still drawn on every page.
      expect(page.runs.map((run) => run.text).join("")).toContain("事项办理部门");
    }
  });
});
