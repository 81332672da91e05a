import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { journeyLaunchOptions, journeyServerEnv } from "./e2e/journey-server-env";

const port = Number(process.env.E2E_PORT ?? 3100);
// E2E_BASE_URL: journeys against servers started elsewhere (`npm run test:replicas`: two replicas behind nginx), which
// are then given the environment below by whoever starts them; no server of the run's own is started.
const externalBaseUrl = process.env.E2E_BASE_URL;
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
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: journeyLaunchOptions,
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "node scripts/start.mjs",
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: "pipe",
        env: {
          PORT: String(port),
          DATA_DIR: dataDir,
          ONEDOOR_SKIP_BUILD: "1",
          ...journeyServerEnv,
        },
      },
});
