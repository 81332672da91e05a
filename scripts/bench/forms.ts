/**
 * `npm run bench:forms`: the form engine's two budgets, measured in one run.
 *
 * 1. Validation time of a 200-field definition with repeating groups (every field type, show-when, computed values
 *    and a cross-field rule over a group), p50/p95 over many runs, against the ceiling of 2 ms at p95.
 * 2. JavaScript a browser downloads on its first load of an /apply wizard page (gzip), against a bare Next.js page
 *    built and served in the same run: the wizard may add at most 40 KB gzip.
 *
 * Builds the app and the bare page (a few minutes), then serves both and loads them in Debian's Chromium.
 * Options (env): BENCH_VALIDATIONS (default 2000), BENCH_SKIP_BUILD=1 to reuse the app's existing .next build.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "@playwright/test";
import { ZFormDefinition, type TFormDefinitionInput } from "@/lib/forms/definition";
import { validateAnswers } from "@/lib/forms/validate-answers";
import { regionLookup } from "@/lib/regions/regions";
import { buildBareNextApp } from "./bare-next-app";

const validations = Number(process.env.BENCH_VALIDATIONS ?? 2000);
const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const text = (en: string) => ({ "zh-Hans": en, "zh-Hant": en, en });

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** 20 pages × 9 top-level fields + 4 groups of 5 item fields = 200 fields, and the answers a careful applicant gives. */
function buildLargeForm(): { definition: TFormDefinitionInput; answers: Record<string, unknown> } {
  const answers: Record<string, unknown> = {};
  const pages: TFormDefinitionInput["pages"] = [];
  for (let p = 0; p < 20; p += 1) {
    const k = (name: string) => `${name}P${p}`;
    const fields: TFormDefinitionInput["pages"][number]["sections"][number]["fields"] = [
      { key: k("name"), type: "text", label: text("Name"), required: true },
      { key: k("note"), type: "textarea", label: text("Note") },
      { key: k("count"), type: "number", label: text("Count"), min: 0, max: 1000, integer: true, required: true },
      { key: k("fee"), type: "money", label: text("Fee"), min: 0 },
      { key: k("start"), type: "date", label: text("Start"), max: "today" },
      { key: k("kind"), type: "radio", label: text("Kind"), options: [{ value: "a", label: text("A") }, { value: "b", label: text("B") }] },
      { key: k("more"), type: "yesno", label: text("More?"), required: true },
      { key: k("mobile"), type: "phone", label: text("Mobile"), showWhen: { "==": [{ var: k("more") }, true] }, required: true },
      { key: k("total"), type: "number", label: text("Total"), compute: { "*": [{ var: k("count") }, 2] } },
    ];
    Object.assign(answers, {
      [k("name")]: "一门小馆",
      [k("note")]: "门头朝南，靠近地铁站。",
      [k("count")]: "12",
      [k("fee")]: "1,234.50",
      [k("start")]: "2026-01-20",
      [k("kind")]: "a",
      [k("more")]: "yes",
      [k("mobile")]: "13800138000",
    });
    pages.push({ key: `page${p}`, title: text(`Page ${p}`), sections: [{ key: `section${p}`, fields }] });
  }
  const groupPage: TFormDefinitionInput["pages"][number] = { key: "groups", title: text("Groups"), sections: [] };
  for (let g = 0; g < 4; g += 1) {
    const key = `members${g}`;
    groupPage.sections.push({
      key: `groupSection${g}`,
      fields: [
        {
          key,
          type: "group",
          label: text("Members"),
          itemLabel: text("Member"),
          minItems: 1,
          maxItems: 10,
          fields: [
            { key: "name", type: "text", label: text("Name"), required: true },
            { key: "idNumber", type: "id-number", label: text("ID"), required: true },
            { key: "share", type: "number", label: text("Share"), min: 0, max: 100, required: true },
            { key: "region", type: "region", label: text("Region") },
            { key: "joined", type: "date", label: text("Joined") },
          ],
        },
      ],
    });
    answers[key] = Array.from({ length: 5 }, (_, i) => ({ name: `股东${i}`, idNumber: "310104198803124016", share: "20", region: { province: "310000", city: "310104" }, joined: "2025-03-01" }));
  }
  pages.push(groupPage);
  const rules = [0, 1, 2, 3].map((g) => ({
    key: `sharesAdd${g}`,
    field: `members${g}`,
    rule: { "==": [{ reduce: [{ var: `members${g}` }, { "+": [{ var: "accumulator" }, { var: "current.share" }] }, 0] }, 100] },
    message: text("Shares must add up to 100"),
  }));
  return { definition: { schemaVersion: 1, pages, rules }, answers };
}

function benchValidation() {
  const { definition: input, answers } = buildLargeForm();
  const definition = ZFormDefinition.parse(input);
  const fieldCount = definition.pages.flatMap((page) => page.sections.flatMap((section) => section.fields)).reduce((n, field) => n + (field.type === "group" ? field.fields.length : 1), 0);
  const first = validateAnswers(definition, answers, { today: "2026-11-23", regions: regionLookup });
  if (!first.ok) throw new Error(`the benchmark's answers do not validate: ${JSON.stringify(first.errors).slice(0, 500)}`);
  for (let i = 0; i < 200; i += 1) validateAnswers(definition, answers, { today: "2026-11-23", regions: regionLookup }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < validations; i += 1) {
    const start = performance.now();
    validateAnswers(definition, answers, { today: "2026-11-23", regions: regionLookup });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { fieldCount, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function waitForHealth(url: string, child: ChildProcess) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${url}`);
}

/** Gzip bytes of every script the page loaded (first load, empty cache). */
async function scriptBytes(page: Page, load: () => Promise<unknown>) {
  const bodies: Promise<Buffer>[] = [];
  const onResponse = (response: import("@playwright/test").Response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  };
  page.on("response", onResponse);
  await load();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const all = await Promise.all(bodies);
  return { files: all.length, gzip: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).byteLength, 0) };
}

async function main() {
  const validation = benchValidation();
  console.log(`validation of ${validation.fieldCount} fields: p50 ${validation.p50.toFixed(3)} ms, p95 ${validation.p95.toFixed(3)} ms (ceiling 2 ms)`);

  // Build the app as it stands, so a stale .next never gets measured; BENCH_SKIP_BUILD=1 reuses a build just made.
  if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync(path.join(root, ".next/BUILD_ID"))) execFileSync(process.execPath, [nextBin, "build"], { stdio: "ignore" });
  const bareDir = buildBareNextApp(root);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-bench-forms-"));
  const servers: ChildProcess[] = [];
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  try {
    const app = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, PORT: "3211", DATA_DIR: dataDir, ONEDOOR_SKIP_BUILD: "1", AUTH_SECRET: "bench-secret-0123456789abcdef" }, stdio: "ignore" });
    const bare = spawn(process.execPath, [nextBin, "start", "-p", "3212"], { cwd: bareDir, stdio: "ignore" });
    servers.push(app, bare);
    await Promise.all([waitForHealth("http://127.0.0.1:3211/api/health", app), waitForHealth("http://127.0.0.1:3212/", bare)]);

    const barePage = await (await browser.newContext()).newPage();
    const bareLoad = await scriptBytes(barePage, () => barePage.goto("http://127.0.0.1:3212/"));

    // Sign in and open the first wizard page in one context, then measure a fresh context's first load of it.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto("http://127.0.0.1:3211/login");
    await page.fill('input[name="username"]', "citizen");
    await page.fill('input[name="password"]', "demo2026");
    await page.click('button[type="submit"]');
    await page.waitForURL((url) => url.pathname !== "/login");
    await page.goto("http://127.0.0.1:3211/apply/HRSS-SSCARD");
    await page.click("#start");
    await page.waitForURL(/\/cardholder$/);
    const wizardUrl = page.url();
    const cookies = await context.cookies();
    const targets = [
      { label: "/apply start page", url: "http://127.0.0.1:3211/apply/HRSS-SSCARD" },
      { label: "/apply wizard page", url: wizardUrl },
      { label: "/apply check page", url: wizardUrl.replace(/\/cardholder$/, "/check") },
    ];
    console.log(`bare Next.js page: ${(bareLoad.gzip / 1024).toFixed(1)} KB gzip in ${bareLoad.files} scripts`);
    let extraKb = 0;
    for (const target of targets) {
      // A fresh context per page: an empty cache, as on a first visit, signed in with the same session.
      const fresh = await browser.newContext();
      await fresh.addCookies(cookies);
      const freshPage = await fresh.newPage();
      const load = await scriptBytes(freshPage, () => freshPage.goto(target.url));
      const extra = (load.gzip - bareLoad.gzip) / 1024;
      extraKb = Math.max(extraKb, extra);
      console.log(`${target.label}: ${(load.gzip / 1024).toFixed(1)} KB gzip in ${load.files} scripts, ${extra.toFixed(1)} KB above bare (ceiling 40 KB)`);
      await fresh.close();
    }
    const pass = validation.p95 <= 2 && extraKb <= 40;
    console.log(pass ? "within both budgets" : "OVER BUDGET");
    process.exitCode = pass ? 0 : 1;
  } finally {
    await browser.close();
    for (const server of servers) server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(bareDir, { recursive: true, force: true });
  }
}

await main();
