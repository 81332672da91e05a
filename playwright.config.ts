import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh embedded database per run: the journeys start from the demo seed, as a newcomer would.
// Set in the environment so the workers and the teardown (which removes it) agree on it.
const dataDir = (process.env.E2E_DATA_DIR ??= path.join(os.tmpdir(), `onedoor-e2e-${process.pid}`));

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  // Journeys share one server and one database; run them one after another so each reads as a person's visit.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      // Browsers cannot be downloaded on these machines: Debian's Chromium it is.
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      ONEDOOR_SKIP_BUILD: "1",
      AUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      // Every journey signs in from 127.0.0.1: one journey's deliberate wrong passwords (or a fuzz run's) must not
      // make the address wait for all the journeys after it. The per-account allowance stays as shipped (5), which
      // e2e/sign-in-security.spec.ts exercises; the address allowance is proven by the integration tests.
      SIGN_IN_FAILURES_PER_ADDRESS: "100000",
      // TEST ONLY (server/clock.ts): e2e/supervision.spec.ts moves the supervision pages' clock with a cookie.
      ONEDOOR_TEST_CLOCK: "on",
    },
  },
});
