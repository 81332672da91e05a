#!/usr/bin/env node
// `npm test`: every test, on a machine with nothing installed. Installs the dependencies and Debian's Chromium when
// missing, then type check, unit and integration tests (vitest: PGlite, and PostgreSQL too when TEST_DATABASE_URL
// is set), a production build (stamped, so a later `npm start` serves it; one that prints a warning fails, see
// build-warnings.mjs) and the Playwright journeys.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildStamped } from "./build-stamp.mjs";
import { findBuildWarnings } from "./build-warnings.mjs";
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
buildStamped(root, () => buildWithoutWarnings());
step("journeys", bin("playwright"), ["test"]);

/**
 * `next build`, failing on a warning as on an error. Its output is read whole to find the warnings, so it is
 * printed when the build ends rather than as it goes.
 */
function buildWithoutWarnings() {
  console.log(`\n[test] build: ${bin("next")} build`);
  const started = Date.now();
  const result = spawnSync(bin("next"), ["build"], {
    stdio: ["inherit", "pipe", "pipe"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  const warnings = findBuildWarnings(`${result.stdout ?? ""}\n${result.stderr ?? ""}`);
  const ok = result.status === 0 && warnings.length === 0;
  console.log(`[test] build: ${ok ? "ok" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (warnings.length > 0) console.error(`[test] the build printed ${warnings.length} warning line(s); a clean build is required:\n  ${warnings.join("\n  ")}`);
  if (!ok) process.exit(result.status || 1);
}
