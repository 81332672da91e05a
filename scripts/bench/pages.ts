/**
 * `npm run bench:pages`: how fast each of the portal's main pages answers, against a bare Next.js page built from
 * the same node_modules and served in the same run (the ceiling: Next rendering "Hello" per request).
 *
 * Serves the production build on PGlite (and, with BENCH_DATABASE_URL, on a fresh PostgreSQL database beside it) with
 * the demo seed and `npm run demo:cases`, signs in the demo accounts, and loads each page with autocannon: 4
 * connections for BENCH_SECONDS (default 10) each, one page after another. Prints requests/s, p50 and p95 per page and
 * its rate as a share of the bare page's; the last line reads `worst page: NN% of the bare page (PATH)`.
 * Goal (issue 15): every page at least 40% of the bare page, p95 at most 50 ms. BENCH_SKIP_BUILD=1 reuses .next.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { bundles } from "@/seed/catalog/bundles";
import { buildBareNextApp } from "./bare-next-app";
import { benchChromiumArgs, firstLink, percentile, signIn, startBenchServer, type TBenchServer } from "./bench-server";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 4;
const root = process.cwd();
const adminUrl = process.env.BENCH_DATABASE_URL;
const tsx = path.join(root, "node_modules/.bin/tsx");

type TTarget = { label: string; path: string; cookie?: string };
type TMeasure = { label: string; path: string; rate: number; p50: number; p95: number };

/** Loads one address with `connections` connections for `seconds`; every answer must be a 200. */
async function measure(base: string, target: TTarget): Promise<TMeasure> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options = { url: `${base}${target.path}`, connections, duration: seconds, headers: target.cookie ? { cookie: target.cookie } : {} };
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    // autocannon's own percentiles skip p95; each response's time is kept to compute it.
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  const answered = result.requests.total;
  if (result.non2xx > 0 || result.errors > 0 || answered === 0) throw new Error(`${target.path}: ${result.non2xx} answers other than 2xx and ${result.errors} errors of ${answered}`);
  times.sort((a, b) => a - b);
  return { label: target.label, path: target.path, rate: answered / seconds, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The pages the issue names, each as the person who uses it sees it. */
async function listTargets(server: TBenchServer): Promise<TTarget[]> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: benchChromiumArgs });
  try {
    const base = server.base;
    const citizen = await signIn(await browser.newContext(), base, "citizen");
    // A wizard page: the citizen starts an application, as /apply's start button does.
    await citizen.page.goto(`${base}/apply/HRSS-SSCARD`);
    await citizen.page.click("#start");
    await citizen.page.waitForURL(/\/apply\/.+\/.+/);
    const wizard = new URL(citizen.page.url()).pathname;
    const tracker = await firstLink(base, "/me", citizen.cookie, /\/me\/cases\/[A-Z0-9-]+/);
    const clerk = await signIn(await browser.newContext(), base, "clerk-amr");
    const task = await firstLink(base, "/desk", clerk.cookie, /\/desk\/tasks\/[0-9a-f-]{36}/);
    const supervisor = await signIn(await browser.newContext(), base, "supervisor");
    return [
      { label: "service catalog", path: "/services" },
      { label: "bundle guide", path: `/services/${bundles[0].code}` },
      { label: "apply start", path: "/apply/HRSS-SSCARD", cookie: citizen.cookie },
      { label: "wizard page", path: wizard, cookie: citizen.cookie },
      { label: "my cases", path: "/me", cookie: citizen.cookie },
      { label: "tracker", path: tracker, cookie: citizen.cookie },
      { label: "desk queue", path: "/desk", cookie: clerk.cookie },
      { label: "task page", path: task, cookie: clerk.cookie },
      { label: "supervision", path: "/supervise", cookie: supervisor.cookie },
      { label: "statistics", path: "/statistics" },
    ];
  } finally {
    await browser.close();
  }
}

const format = (row: TMeasure, bareRate: number) =>
  `${row.label.padEnd(16)} ${row.path.padEnd(44)} ${row.rate.toFixed(0).padStart(5)} req/s  p50 ${row.p50.toFixed(0).padStart(3)} ms  p95 ${row.p95.toFixed(0).padStart(3)} ms  ${((row.rate / bareRate) * 100).toFixed(0).padStart(3)}% of bare`;

async function main() {
  const bareDir = buildBareNextApp(root);
  const bare = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", "3242"], { cwd: bareDir, stdio: "ignore" });
  const worst: { share: number; where: string }[] = [];
  try {
    for (let i = 0; ; i += 1) {
      if ((await fetch("http://127.0.0.1:3242/").catch(() => null))?.ok) break;
      if (i > 240) throw new Error("the bare page did not answer");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const databases = [undefined, ...(adminUrl ? [adminUrl] : [])];
    for (const database of databases) {
      const server = await startBenchServer({
        port: 3241,
        appDir: root,
        adminUrl: database,
        name: "pages",
        env: { SEED_DEMO: "1" },
        // The demo seed and a few cases in every state, written before the server opens the database.
        prepare: (env) => {
          execFileSync(tsx, ["scripts/setup.ts"], { cwd: root, env, stdio: "ignore" });
          execFileSync(tsx, ["scripts/demo-cases.ts"], { cwd: root, env, stdio: "ignore" });
        },
      });
      try {
        const targets = await listTargets(server);
        // Warm both servers, so the first page measured does not pay for compiling and caches.
        for (const target of targets) await measure(server.base, target).catch(() => undefined);
        const bareRow = await measure("http://127.0.0.1:3242", { label: "bare Next.js", path: "/" });
        console.log(`${server.databaseLabel}, ${connections} connections, ${seconds} s a page`);
        console.log(format(bareRow, bareRow.rate));
        for (const target of targets) {
          const row = await measure(server.base, target);
          console.log(format(row, bareRow.rate));
          worst.push({ share: row.rate / bareRow.rate, where: `${row.path} on ${server.databaseLabel}` });
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    bare.kill("SIGTERM");
    await new Promise((resolve) => bare.once("exit", resolve));
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
  worst.sort((a, b) => a.share - b.share);
  console.log(`worst page: ${(worst[0].share * 100).toFixed(0)}% of the bare page (${worst[0].where})`);
}

await main();
