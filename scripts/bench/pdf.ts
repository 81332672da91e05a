/**
 * `npm run bench:pdf`: how fast the portal renders a receipt (受理回执), beside what the PDF library costs at the
 * least in the same run.
 *
 * Rows, in two rounds, each after a warm-up, one at a time (a render is CPU work on a PDF thread: on this machine's
 * 2 cores there is one, so concurrency adds nothing):
 * 1. the use case `renderCaseReceipt` (read the case for its applicant from an embedded PGlite, then render), for an
 *    instant service with one department and for a restaurant bundle with three, and its read alone;
 * 2. `renderPdf` of the same documents (no database), in zh-Hans, zh-Hant and en;
 * 3. ceiling: the same receipt's text drawn by pdfkit with its built-in Helvetica — Latin-only text (other characters
 *    become "?"), nothing embedded or subset, no QR code — so what remains is pdfkit's own layout and writing;
 * 4. ceiling: a blank A4 page from pdfkit, the fixed cost of a document.
 *
 * Options (env): BENCH_RENDERS (default 200 per row and round). `npm run bench:pdf` then runs pdf-pages.ts: pages
 * while PDFs render, against a production build.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import PDFDocument from "pdfkit";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { composeCaseReceipt, loadCaseReceipt, renderCaseReceipt } from "@/server/cases/render-case-receipt";
import { submitApplication } from "@/server/intake/submit-application";
import { loadPdfFont } from "@/server/pdf/fonts";
import { renderPdf, type TPdfDocument } from "@/server/pdf/render-pdf";
import { openSeededWorld } from "@/server/testing/world";

const renders = Number(process.env.BENCH_RENDERS ?? 200);
const baseUrl = "https://onedoor.example.gov.cn";

type TRow = { label: string; perSecond: number; p50: number; p95: number; kilobytes: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(label: string, job: () => Promise<Uint8Array>): Promise<TRow> {
  for (let i = 0; i < Math.min(30, renders); i += 1) await job(); // warm-up: JIT, fontkit's glyph caches
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < renders; i += 1) {
    const t0 = performance.now();
    bytes = (await job()).byteLength;
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, perSecond: renders / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), kilobytes: bytes / 1024 };
}

function collect(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
  return new Promise((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
}

/** Ceiling 3: every text of the document, in the same order and sizes, with pdfkit's Helvetica (not embedded). */
function renderWithStandardFont(document: TPdfDocument): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 56, bottom: 72, left: 56, right: 56 } });
  const done = collect(doc);
  const latin = (text: string) => text.replace(/[^\x20-\x7e]/g, "?");
  for (const block of document.blocks) {
    switch (block.kind) {
      case "caption":
      case "paragraph":
        doc.font("Helvetica").fontSize(10.5).text(latin(block.text));
        break;
      case "title":
      case "heading":
        doc.font("Helvetica-Bold").fontSize(block.kind === "title" ? 20 : 13).text(latin(block.text));
        break;
      case "fields":
        for (const row of block.rows) doc.font("Helvetica").fontSize(10.5).text(latin(`${row.label}: ${row.value}`));
        break;
      case "table":
        for (const cells of [block.columns.map((column) => column.header), ...block.rows]) doc.font("Helvetica").fontSize(10.5).text(latin(cells.join(" | ")));
        break;
      case "qr":
        doc.font("Helvetica").fontSize(10.5).text(latin(`${block.caption} ${block.url}`));
        break;
    }
  }
  doc.end();
  return done;
}

function renderBlankPage(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4" });
  const done = collect(doc);
  doc.end();
  return done;
}

async function main() {
  const fontsStarted = performance.now();
  for (const face of ["sc", "tc"] as const) for (const weight of ["regular", "bold"] as const) loadPdfFont(face, weight);
  console.log(`fonts (SC and TC, two weights each) read and parsed once per process: ${(performance.now() - fontsStarted).toFixed(0)} ms`);

  const world = await openSeededWorld("pglite");
  try {
    const citizen = await world.actorOf("citizen");
    const enterprise = await world.actorOf("enterprise");
    const now = new Date("2026-11-23T10:00:00+08:00");
    const proof = await submitApplication({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: randomUUID(), channel: "online", now });
    const restaurant = await submitApplication({ db: world.db, actor: enterprise, subjectCode: "BUNDLE-RESTAURANT", rawAnswers: restaurantAnswers(), idempotencyKey: randomUUID(), channel: "online", now });
    if (!proof.ok || !restaurant.ok) throw new Error("the benchmark's cases were not submitted");
    const cases = [
      { name: "HRSS-PROOF (1 department)", actor: citizen, caseNumber: proof.caseNumber },
      { name: "BUNDLE-RESTAURANT (3 departments)", actor: enterprise, caseNumber: restaurant.caseNumber },
    ];

    // Every job of a round, built once; two rounds so the first row is not the one that pays for warming up.
    const jobs: { label: string; job: () => Promise<Uint8Array> }[] = [];
    for (const { name, actor, caseNumber } of cases) {
      jobs.push({
        label: `renderCaseReceipt (PGlite read + render), zh-Hans · ${name}`,
        job: async () => {
          const result = await renderCaseReceipt({ db: world.db, actor, caseNumber, locale: "zh-Hans", baseUrl });
          if (!result.ok) throw new Error(result.code);
          return result.pdf;
        },
      });
      jobs.push({
        label: `loadCaseReceipt alone (PGlite read, no PDF) · ${name}`,
        job: async () => {
          const loaded = await loadCaseReceipt({ db: world.db, actor, caseNumber });
          if (!loaded.ok) throw new Error(loaded.code);
          return new Uint8Array(0);
        },
      });
      const loaded = await loadCaseReceipt({ db: world.db, actor, caseNumber });
      if (!loaded.ok) throw new Error(loaded.code);
      for (const locale of ["zh-Hans", "zh-Hant", "en"] as const) {
        const document = composeCaseReceipt({ receipt: loaded.receipt, locale, baseUrl });
        jobs.push({ label: `renderPdf, ${locale} · ${name}`, job: () => renderPdf(document) });
      }
      const english = composeCaseReceipt({ receipt: loaded.receipt, locale: "en", baseUrl });
      jobs.push({ label: `ceiling: same text, pdfkit Helvetica, Latin only, no font embedded · ${name}`, job: () => renderWithStandardFont(english) });
    }
    jobs.push({ label: "ceiling: blank A4 page, pdfkit", job: renderBlankPage });

    const rows: TRow[] = [];
    for (const round of [1, 2]) {
      for (const { label, job } of jobs) rows.push(await measure(`${label} · round ${round}`, job));
    }

    console.log(`\n${renders} renders per row, one at a time, after a warm-up; two rounds\n`);
    console.log("| run | receipts/s | p50 ms | p95 ms | size KB |");
    console.log("| --- | ---: | ---: | ---: | ---: |");
    for (const row of rows) console.log(`| ${row.label} | ${row.perSecond.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.kilobytes > 0 ? row.kilobytes.toFixed(1) : "—"} |`);
  } finally {
    await world.drop();
  }
}

await main();
