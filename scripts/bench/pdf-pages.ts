/**
 * `npm run bench:pdf`, second part: do PDFs being drawn slow the server down for everybody else?
 *
 * Against a production build served by `npm start` (bench-server.ts): `citizen` signs in and finds a licence of
 * their wallet; /api/health's p95 is read while the server is idle, then while bursts of BENCH_PDF_CONCURRENCY (20)
 * requests for that licence's PDF (/me/licences/<id>/pdf: read, sign-check, draw) run at once, one burst after
 * another, and one more client reads /api/health one request after another. Goal (issue 15): p95 during the
 * bursts ≤ 2 × idle. PDFs are drawn on PDF threads (server/pdf/pdf-threads.ts); BENCH_APP_DIR serves another
 * checkout (an older commit, drawing on the event loop) for a before/after.
 *
 * Options (env): BENCH_PORT (3214), BENCH_PDF_CONCURRENCY (20), BENCH_BURSTS (10), BENCH_IDLE_READS (300),
 * BENCH_SKIP_BUILD=1 (reuse .next), BENCH_APP_DIR, BENCH_DATABASE_URL.
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile, startBenchServer, type TBenchServer } from "./bench-server";

const port = Number(process.env.BENCH_PORT ?? 3214);
const concurrency = Number(process.env.BENCH_PDF_CONCURRENCY ?? 20);
const bursts = Number(process.env.BENCH_BURSTS ?? 10);
const idleReads = Number(process.env.BENCH_IDLE_READS ?? 300);
const appDir = path.resolve(process.env.BENCH_APP_DIR ?? ".");

/** Signs a demo account in as a browser would (Auth.js's CSRF token, then the credentials): its cookie header. */
async function signIn(base: string, username: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((header) => header.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { cookie: csrfCookie.join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, username, password: "demo2026", callbackUrl: "/" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().map((header) => header.split(";")[0]).filter((cookie) => cookie.includes("session-token"));
  if (session.length === 0) throw new Error(`signing in as ${username} answered ${response.status} without a session`);
  return [...csrfCookie, ...session].join("; ");
}

async function findLicencePdf(base: string, cookie: string): Promise<string> {
  const page = await (await fetch(`${base}/me/licences`, { headers: { cookie } })).text();
  const found = /\/me\/licences\/[0-9a-f-]{36}\/pdf/.exec(page);
  if (!found) throw new Error("the citizen's wallet lists no licence PDF");
  return found[0];
}

async function fetchPdf(url: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200 || new TextDecoder().decode(bytes.subarray(0, 5)) !== "%PDF-") throw new Error(`the licence PDF answered ${response.status}`);
  return performance.now() - started;
}

async function measure(server: TBenchServer, pdfUrl: string, cookie: string): Promise<boolean> {
  const idle: number[] = [];
  for (let i = 0; i < idleReads; i += 1) idle.push(await server.readHealth());
  idle.sort((a, b) => a - b);

  let done = false;
  const started = performance.now();
  const renders = (async () => {
    const times: number[] = [];
    for (let burst = 0; burst < bursts; burst += 1) times.push(...(await Promise.all(Array.from({ length: concurrency }, () => fetchPdf(pdfUrl, cookie)))));
    return times.sort((a, b) => a - b);
  })().finally(() => {
    done = true;
  });
  const [during, pdfTimes] = await Promise.all([server.readHealthUntil(() => done), renders]);
  const seconds = (performance.now() - started) / 1000;
  const idleP95 = percentile(idle, 95);
  const duringP95 = percentile(during, 95);

  console.log(`\n${bursts} bursts of ${concurrency} concurrent licence PDFs: ${pdfTimes.length} in ${seconds.toFixed(2)} s (${(pdfTimes.length / seconds).toFixed(1)}/s); load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`licence PDF p50 ${percentile(pdfTimes, 50).toFixed(1)} ms, p95 ${percentile(pdfTimes, 95).toFixed(1)} ms\n`);
  console.log("| /api/health | reads | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| idle | ${idle.length} | ${percentile(idle, 50).toFixed(1)} | ${idleP95.toFixed(1)} |`);
  console.log(`| while PDFs render | ${during.length} | ${percentile(during, 50).toFixed(1)} | ${duringP95.toFixed(1)} |`);
  const met = duringP95 <= 2 * idleP95;
  console.log(`\npages while rendering: /api/health p95 ${duringP95.toFixed(1)} ms = ${(duringP95 / idleP95).toFixed(1)}× idle (goal ≤ 2×) — ${met ? "met" : "NOT MET"}`);
  return met;
}

async function main() {
  const server = await startBenchServer({ port, appDir, adminUrl: process.env.BENCH_DATABASE_URL, name: "pdf" });
  try {
    console.log(`server: ${appDir}, database: ${server.databaseLabel}, ${os.availableParallelism()} cores`);
    const cookie = await signIn(server.base, "citizen");
    const pdfUrl = `${server.base}${await findLicencePdf(server.base, cookie)}`;
    // Warm-up: the routes' first run, the PDF threads' fonts.
    for (let i = 0; i < 50; i += 1) await server.readHealth();
    await Promise.all(Array.from({ length: 4 }, () => fetchPdf(pdfUrl, cookie)));
    process.exitCode = (await measure(server, pdfUrl, cookie)) ? 0 : 1;
  } finally {
    await server.stop();
  }
}

await main();
