#!/usr/bin/env node
// `npm start`: everything a newcomer needs, in order — install what is missing, create DATA_DIR and AUTH_SECRET,
// migrate and seed, build when there is no build of this source, then serve on PORT (default 3000).
// Plain JavaScript on purpose: it must run before the dependencies (tsx, TypeScript) are installed.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildStamped, isCurrentBuild } from "./build-stamp.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const log = (message) => console.log(`[onedoor] ${message}`);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[onedoor] ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

// 0. A public deployment must know its public address before anything else is done: every QR code on a receipt
//    or an e-licence names it (the server checks again, server/env.ts; this only fails before a long build).
if (process.env.DATABASE_URL && !process.env.PUBLIC_BASE_URL) {
  console.error(
    "[onedoor] PUBLIC_BASE_URL is not set. With DATABASE_URL this is a production deployment, and the QR codes on receipts " +
      "and e-licences would point at localhost. Set it to the portal's public address, e.g. PUBLIC_BASE_URL=https://onedoor.example.gov.cn",
  );
  process.exit(78);
}

// 1. Dependencies. `npm install`, which honours the lockfile: npm 10's `npm ci` refuses a lockfile npm 11 wrote
//    (they disagree about optional packages), and a newcomer may have either.
const installedMarker = path.join(root, "node_modules", ".package-lock.json");
if (!fs.existsSync(installedMarker) || fs.statSync("package.json").mtimeMs > fs.statSync(installedMarker).mtimeMs) {
  log("installing dependencies (npm install)…");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

// 2. DATA_DIR and the generated secret.
const dataDir = path.resolve(process.env.DATA_DIR || ".data");
fs.mkdirSync(dataDir, { recursive: true });
const env = { ...process.env, DATA_DIR: dataDir };
if (!env.AUTH_SECRET) {
  const secretFile = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(secretFile)) {
    fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log(`generated AUTH_SECRET into ${secretFile}`);
  }
  env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
}
env.AUTH_TRUST_HOST ??= "true";

// 3. Database: migrate, and seed the demo data into an empty embedded database.
run(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/setup.ts"], env);

// 4. Build when .next holds no build of this source (a fresh clone, an edit or a pull since the last build).
if (process.env.ONEDOOR_SKIP_BUILD === "1" && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  log("using the existing build (ONEDOOR_SKIP_BUILD=1)");
} else if (isCurrentBuild(root)) {
  log("the build in .next is of this source: not building");
} else {
  log("building (next build)…");
  buildStamped(root, () => run(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], env));
}

// 5. Serve. Signals go to the server so it can release DATA_DIR on its way out.
const port = process.env.PORT || "3000";
log(`serving on http://localhost:${port}`);
// peer-address.cjs makes X-Forwarded-For end with the connection's real peer (the sign-in throttle counts by it).
// Idle connections are kept 75 s, longer than a proxy in front keeps its own to us (nginx's upstream keepalive_timeout
// and most load balancers' idle timeouts are 60 s): Node's default of 5 s closed connections nginx was about to
// reuse, and nginx answered 502 when both replicas seemed to fail at once (npm run test:replicas).
const nextStart = ["--require", "./scripts/peer-address.cjs", path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port, "--keepAliveTimeout", "75000"];
const server = spawn(process.execPath, nextStart, {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
