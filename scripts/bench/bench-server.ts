/**
 * What the benchmarks that measure a running portal share: a production build of a checkout served by `npm start`
 * on a port and DATA_DIR of its own (PGlite on disk, or a fresh PostgreSQL database beside BENCH_DATABASE_URL), and
 * /api/health read one request after another as the stand-in for "everybody else's requests".
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { BrowserContext } from "@playwright/test";
import pg from "pg";
import { generate } from "otplib";
import { DEMO_TWO_FACTOR_SECRET } from "@/seed/demo-two-factor";

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A fresh PostgreSQL database beside `url`: its address and how to drop it. */
export async function createDatabase(url: string, prefix: string) {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

export type TBenchServer = {
  base: string;
  appDir: string;
  databaseLabel: string;
  readHealth: () => Promise<number>;
  /** Reads /api/health one request after another until `done` says stop; returns the sorted latencies. */
  readHealthUntil: (done: () => boolean) => Promise<number[]>;
  stop: () => Promise<void>;
};

/**
 * Builds `appDir` unless BENCH_SKIP_BUILD=1 finds a build, then serves it and waits for /api/health. `env`: the
 * server's own settings on top of the defaults. `prepare` runs before the server starts, with the server's settings
 * (DATA_DIR, DATABASE_URL), for scripts that fill the database: PGlite admits one process at a time.
 */
export async function startBenchServer({
  port,
  appDir,
  adminUrl,
  databaseUrl,
  env = {},
  name,
  prepare,
}: {
  port: number;
  appDir: string;
  adminUrl?: string;
  /** An existing PostgreSQL database to serve instead of a fresh one (kept when the server stops): bench:scale's. */
  databaseUrl?: string;
  env?: Record<string, string>;
  name: string;
  prepare?: (env: NodeJS.ProcessEnv) => void;
}): Promise<TBenchServer> {
  if (process.env.BENCH_SKIP_BUILD !== "1" || !fs.existsSync(path.join(appDir, ".next/BUILD_ID"))) {
    execFileSync(process.execPath, [path.join(appDir, "node_modules/next/dist/bin/next"), "build"], { cwd: appDir, stdio: "ignore" });
  }
  const base = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `onedoor-bench-${name}-`));
  const database = databaseUrl
    ? { url: databaseUrl, drop: async () => {} }
    : adminUrl
      ? await createDatabase(adminUrl, `onedoor_bench_${name.replace(/\W/g, "_")}`)
      : null;
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    // On PostgreSQL the server counts as a production deployment, which must be told its public address.
    ...(database ? { DATABASE_URL: database.url, PUBLIC_BASE_URL: base } : {}),
    ONEDOOR_SKIP_BUILD: "1",
    AUTH_SECRET: "bench-secret-0123456789abcdef",
    ...env,
  };
  try {
    prepare?.(serverEnv);
  } catch (error) {
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const server = spawn(process.execPath, ["scripts/start.mjs"], { cwd: appDir, env: serverEnv, stdio: "ignore" });
  const readHealth = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`/api/health answered ${response.status}`);
    return performance.now() - started;
  };
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(base, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    appDir,
    databaseLabel: database ? "PostgreSQL" : "PGlite (on disk)",
    readHealth,
    readHealthUntil: async (done) => {
      const times: number[] = [];
      while (!done()) times.push(await readHealth());
      return times.sort((a, b) => a - b);
    },
    stop,
  };
}

export const benchChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Signs `username` in through the sign-in page, as a person would, and returns the session's cookie header. */
export async function signIn(context: BrowserContext, base: string, username: string) {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', "demo2026");
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.pathname !== "/login");
  // A demo admin or supervisor is asked for the code of the demo secret (README.md), as of now. Each bench signs one
  // in once per database; a second sign-in within 30 seconds would be refused as a reused code, and says so here.
  if (new URL(page.url()).pathname === "/login/code") {
    await page.fill('input[name="code"]', await generate({ secret: DEMO_TWO_FACTOR_SECRET }));
    await page.click('form:has(input[name="code"]) button[type="submit"]');
    await page.waitForURL((url) => url.pathname !== "/login/code", { timeout: 10_000 });
  }
  const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  return { page, cookie };
}

/** The first link on `path` matching `pattern`, as the signed-in person sees it. */
export async function firstLink(base: string, path: string, cookie: string, pattern: RegExp) {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const found = html.match(pattern)?.[0];
  if (!found) throw new Error(`no link like ${pattern} on ${path}`);
  return found;
}

async function waitForHealth(base: string, child: ChildProcess) {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${base}/api/health`);
}
