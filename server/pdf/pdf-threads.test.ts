import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { readPdf } from "@/server/testing/pdf-text";
import { PDF_THREAD_NICE } from "./pdf-threads";
import { renderPdf, type TPdfDocument } from "./render-pdf";

const documentTitled = (title: string): TPdfDocument => ({ locale: "zh-Hans", title, author: "一门通办", footer: "一门通办 · 测试", blocks: [{ kind: "title", text: title }] });

/** The nice value of each of this process's threads (field 19 of /proc/<pid>/task/<tid>/stat, after the name). */
function threadNiceValues(): Map<number, number> {
  return new Map(
    fs.readdirSync("/proc/self/task").map((tid) => {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      return [Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16])];
    }),
  );
}

describe("PDF threads", () => {
  it("draws every document of a burst, each caller getting its own file", async () => {
    const titles = Array.from({ length: 12 }, (_, i) => `受理回执 第${i + 1}号`);
    const files = await Promise.all(titles.map((title) => renderPdf(documentTitled(title))));
    for (const [i, file] of files.entries()) expect((await readPdf(file)).info).toMatchObject({ Title: titles[i] });
  });

  it("draws on a thread of lower priority than the event loop, which keeps its own", async () => {
    await renderPdf(documentTitled("优先级"));
    const nice = threadNiceValues();
    expect([...nice.values()]).toContain(PDF_THREAD_NICE);
    expect(nice.get(process.pid)).toBe(0);
  });

  it("fails only the document that cannot be drawn, and draws the next one", async () => {
    // A QR code cannot hold this much: the drawing throws on the thread, and the caller hears of it.
    const tooLong: TPdfDocument = { ...documentTitled("过长"), blocks: [{ kind: "qr", url: `https://onedoor.example/${"x".repeat(8000)}`, caption: "核验", alt: "二维码" }] };
    const [failed, drawn] = await Promise.allSettled([renderPdf(tooLong), renderPdf(documentTitled("之后"))]);
    expect(failed).toMatchObject({ status: "rejected" });
    expect(drawn.status).toBe("fulfilled");
    if (drawn.status === "fulfilled") expect((await readPdf(drawn.value)).info).toMatchObject({ Title: "之后" });
  });
});
