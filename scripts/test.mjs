#!/usr/bin/env node
// `npm test`: every test, on a machine with nothing installed. Installs the dependencies and Debian's Chromium when
// missing, then type check, unit and integration tests (vitest: PGlite, and PostgreSQL too when TEST_DATABASE_URL
// is set), a production build (stamped, so a later `npm start` serves it) and the Playwright journeys.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildStamped } from "./build-stamp.mjs";
import { ensureChromium } from "./chromium.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join("node_modules", ".bin", name);

function step(title, command, args, env = process.env) {
  console.log(`\n[test] ${title}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env });
  console.log(`[test] ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (result.status !== 0) process.exit(result.status || 1);
}

if (!fs.existsSync(path.join("node_modules", ".package-lock.json"))) step("install", "npm", ["install", "--no-audit", "--no-fund"]);
const chromiumProblem = ensureChromium({ log: (message) => console.log(`\n[test] ${message}`) });
if (chromiumProblem) {
  console.error(`[test] ${chromiumProblem}`);
  process.exit(1);
}
step("types", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
step("unit and integration", bin("vitest"), ["run"]);
buildStamped(root, () => step("build", bin("next"), ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }));
step("journeys", bin("playwright"), ["test"]);
