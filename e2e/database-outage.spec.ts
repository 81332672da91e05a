/**
 * The database goes away and comes back: a production server (`next start`, the build under test) on a PostgreSQL
 * of this test's own, which the test stops, freezes and starts while it makes requests. The health check must say
 * "unavailable" within 2 s, every page must answer a plain 503 "service unavailable, try again" page in the
 * reader's language, and the portal must recover by itself once the database answers again. Also: `npm start`'s
 * setup waits for a database that is not up yet, a server started while the database is down serves 503 instead
 * of crashing, and a production server on PostgreSQL refuses to start without PUBLIC_BASE_URL.
 * The machine's PostgreSQL (port 5432) is never touched.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { expect, expectNoAxeViolations, test } from "./fixtures";
import { startPrivatePostgresql, type TPrivatePostgresql } from "./private-postgresql";
import { freePort, runScript, runToEnd, startServer as startNextServer, type TPrivateServer } from "./private-server";

const postgresqlPort = Number(process.env.OUTAGE_POSTGRES_PORT ?? 5499);
const authSecret = "outage-secret-not-for-production-0123456789";

let postgresql: TPrivatePostgresql;
let databaseUrl: string;
let dataDir: string;
const servers: TPrivateServer[] = [];

test.describe.configure({ mode: "serial", timeout: 60_000 });

const serverEnv = (port: number, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  DATA_DIR: dataDir,
  AUTH_SECRET: authSecret,
  AUTH_TRUST_HOST: "true",
  ...extra,
});

async function startServer(port: number) {
  const server = await startNextServer(port, serverEnv(port));
  servers.push(server);
  return server;
}

/** One request, timed; status 0 when no answer came within `timeoutMs`. */
async function timedGet(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000) {
  const started = Date.now();
  try {
    const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const body = await response.text();
    return { status: response.status, body, ms: Date.now() - started, headers: response.headers };
  } catch (error) {
    if ((error as Error).name !== "TimeoutError") throw error;
    return { status: 0, body: "", ms: Date.now() - started, headers: new Headers() };
  }
}

test.beforeAll(async () => {
  postgresql = await startPrivatePostgresql({ port: postgresqlPort });
  const admin = new pg.Client({ connectionString: postgresql.url });
  await admin.connect();
  await admin.query("create database onedoor");
  await admin.end();
  databaseUrl = postgresql.url.replace(/\/postgres$/, "/onedoor");
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-outage-data-"));
  const setup = await runScript("scripts/setup.ts", serverEnv(0, { SEED_DEMO: "0" }));
  expect(setup.code, setup.output).toBe(0);
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  postgresql?.destroy();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("while PostgreSQL is stopped: health says unavailable within 2 s, pages answer 503 in the reader's language; it recovers by itself", async ({ page }) => {
  const port = await freePort();
  await startServer(port);
  const origin = `http://127.0.0.1:${port}`;

  const healthy = await timedGet(`${origin}/api/health`);
  expect(healthy.status).toBe(200);
  expect(JSON.parse(healthy.body)).toEqual({ status: "ok", database: "postgresql" });
  expect((await timedGet(`${origin}/services`)).status).toBe(200);

  postgresql.stop();
  // Requests keep coming, several at once, as on a live portal.
  for (let round = 0; round < 3; round++) {
    const answers = await Promise.all([
      timedGet(`${origin}/api/health`),
      timedGet(`${origin}/services`, { "Accept-Language": "en-GB,en;q=0.9" }),
      timedGet(`${origin}/me`, { Cookie: "NEXT_LOCALE=zh-Hant" }),
      timedGet(`${origin}/`),
      timedGet(`${origin}/api/v1/licences/keys`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.ms).toBeLessThan(2_000);
      expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    const [health, english, traditional, simplified, api] = answers;
    expect(JSON.parse(health.body)).toEqual({ status: "unavailable" });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain("<h1>Service unavailable</h1>");
    expect(english.body).toContain('<a href="/services">Try again</a>');
    expect(traditional.body).toContain("<h1>服務暫時無法使用</h1>");
    expect(simplified.body).toContain("<h1>服务暂时不可用</h1>");
    expect(JSON.parse(api.body)).toEqual({ error: "unavailable" });
  }

  // As a reader sees it: the plain page, in their language, accessible.
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "zh-Hant", url: origin }]);
  const response = await page.goto(`${origin}/services?keyword=%E7%A4%BE%E4%BF%9D`);
  expect(response?.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("服務暫時無法使用");
  await expect(page.getByRole("link", { name: "重試" })).toHaveAttribute("href", "/services?keyword=%E7%A4%BE%E4%BF%9D");
  await expectNoAxeViolations(page);

  postgresql.start();
  // The first request after the database is back finds it (no restart of the portal, no waiting for a timer).
  const back = await timedGet(`${origin}/services`);
  expect(back.status).toBe(200);
  const health = await timedGet(`${origin}/api/health`);
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toEqual({ status: "ok", database: "postgresql" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("服務暫時無法使用");
});

test("a database that stops answering without refusing anything (a dead network) is noticed within seconds", async () => {
  const port = await freePort();
  await startServer(port);
  const origin = `http://127.0.0.1:${port}`;
  expect((await timedGet(`${origin}/services`)).status).toBe(200);

  const frozen = postgresql.freeze();
  const frozenAt = Date.now();
  try {
    // Nothing is refused, so nothing fails fast: the server must notice by itself (it asks the database every couple
    // of seconds while requests come in). A request already waiting on the database waits for it; later ones get 503.
    // Requests keep arriving (one every 200 ms, none waiting for another), as on a live portal.
    const firstUnavailable = await new Promise<{ sentAfterMs: number; ms: number }>((resolve, reject) => {
      const timer = setInterval(() => {
        const sentAfterMs = Date.now() - frozenAt;
        if (sentAfterMs > 8_000) {
          clearInterval(timer);
          reject(new Error("no 503 within 8 s of the database freezing"));
        }
        void timedGet(`${origin}/services`, {}, 2_500).then((answer) => {
          if (answer.status !== 503) return;
          clearInterval(timer);
          resolve({ sentAfterMs, ms: answer.ms });
        }, reject);
      }, 200);
    });
    expect(firstUnavailable.sentAfterMs).toBeLessThan(4_000);
    expect(firstUnavailable.ms).toBeLessThan(2_000);
    const health = await timedGet(`${origin}/api/health`);
    expect(health.status).toBe(503);
    expect(health.ms).toBeLessThan(2_000);
    const pageAnswer = await timedGet(`${origin}/me`);
    expect(pageAnswer.status).toBe(503);
    expect(pageAnswer.ms).toBeLessThan(2_000);
  } finally {
    postgresql.thaw(frozen);
  }
  await expect.poll(async () => (await timedGet(`${origin}/services`)).status, { timeout: 10_000 }).toBe(200);
});

test("setup waits for a database that is not up yet; a server started while it is down serves 503, then recovers", async () => {
  postgresql.stop();
  let announced!: () => void;
  const waiting = new Promise<void>((resolve) => (announced = resolve));
  const setup = runScript("scripts/setup.ts", serverEnv(0, { SEED_DEMO: "0" }), (line) => {
    if (line.includes("PostgreSQL does not answer yet")) announced();
  });
  await waiting;

  const port = await freePort();
  await startServer(port);
  const origin = `http://127.0.0.1:${port}`;
  const health = await timedGet(`${origin}/api/health`);
  expect(health.status).toBe(503);
  expect(health.ms).toBeLessThan(2_000);
  expect((await timedGet(`${origin}/services`)).status).toBe(503);

  postgresql.start();
  const finished = await setup;
  expect(finished.code, finished.output).toBe(0);
  expect(finished.output).toContain("setup: migrations applied (postgresql)");
  expect((await timedGet(`${origin}/api/health`)).status).toBe(200);
  expect((await timedGet(`${origin}/services`)).status).toBe(200);
});

test("a production server on PostgreSQL refuses to start without PUBLIC_BASE_URL, saying why", async () => {
  const port = await freePort();
  const refused = await runToEnd(
    [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)],
    { ...serverEnv(port, { PUBLIC_BASE_URL: "" }), PORT: String(port) },
  );
  expect(refused.code).toBe(78);
  expect(refused.output).toContain("PUBLIC_BASE_URL: must be set in production");
  expect(refused.output).toContain("would otherwise point at localhost");
});
