/**
 * What the production server logs when a database write with an ID number in it fails: no ID number, no answers.
 * The journey runs a server of its own (`npm start`'s path, its own DATA_DIR and port) whose database refuses
 * every new case, submits the citizen's instant proof (its answers hold the citizen's ID number) through the
 * browser, and reads everything the server printed on stdout and stderr — drizzle's "params: …", the failing row
 * PostgreSQL puts in the error's detail, and Next's own report of the failed action included.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ApplyForm, expect, proofAnswers, signIn, test } from "./fixtures";

const idNumber = "310104198803124016";
// Beside the journeys' own server (E2E_PORT), far enough not to meet other well-known ports (3306 is MySQL's).
const port = Number(process.env.E2E_PORT ?? 3100) + 50;
const baseURL = `http://127.0.0.1:${port}`;

let dataDir: string;
let server: ChildProcess | undefined;
let output = "";

test.beforeAll(async () => {
  // Setup, then `npm start` (which runs setup again and starts Next): more than a journey's minute on a busy machine.
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-e2e-logs-"));
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), ONEDOOR_SKIP_BUILD: "1", AUTH_SECRET: "e2e-secret-not-for-production-0123456789", LOG_LEVEL: "info" };
  // Migrate and seed first, then make the database refuse every new case, with the failing row in the error.
  const setup = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/setup.ts"], { env, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
  const database = new PGlite(path.join(dataDir, "pglite"));
  await database.exec("alter table cases add constraint refuse_every_case check (false) not valid");
  await database.close();

  server = spawn(process.execPath, ["scripts/start.mjs"], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk) => (output += String(chunk)));
  server.stderr!.on("data", (chunk) => (output += String(chunk)));
  const stopped = new Promise<string>((resolve) => server!.once("exit", (code) => resolve(`stopped (exit ${code})`)));
  const ready = expect(async () => {
    const health = await fetch(`${baseURL}/api/health`);
    expect(health.status).toBe(200);
  })
    .toPass({ timeout: 200_000 })
    .then(() => "ready");
  expect(await Promise.race([ready, stopped]), output).toBe("ready");
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a failed insert of answers with an ID number logs the failure, and no ID number", async ({ browser }) => {
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, "citizen");
  await page.goto("/apply/HRSS-PROOF");
  const form = new ApplyForm(page);
  await form.start();
  await form.fillProof(proofAnswers());
  await form.continue();
  await form.submitButton.click();
  await expect(page.getByRole("heading", { level: 1, name: "抱歉，服务出现问题" })).toBeVisible();
  await context.close();

  // The failure is in the log — by the constraint that refused it — and so is no ID number, masked or not in part.
  await expect.poll(() => output, { timeout: 10_000 }).toContain("refuse_every_case");
  expect(output).toContain("Failed query: insert into");
  expect(output).not.toContain(idNumber);
  expect(output).not.toContain("Failing row contains");
  expect(output).not.toContain("home-purchase");
});
