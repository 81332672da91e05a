/**
 * `npm run test:replicas`: two app processes behind nginx (round robin, no sticky sessions) on one PostgreSQL,
 * proving what running more than one replica needs (docs/OPERATIONS.md, "Scaling out"):
 *   start     both replicas started at the same moment on an empty database (migrate and seed race): both serve
 *   journeys  the Playwright journeys pass through nginx (those with a server of their own are named and skipped)
 *   throttle  failed sign-ins spread over both replicas count together: the account is held on each
 *   outbox    both replicas' outbox workers e-mail through a local SMTP server: every copy recorded as sent arrived
 *             exactly once (by Message-ID), none twice, none missing
 *   kill      SIGKILL to one replica while browsers submit through nginx: every acknowledged submission is complete
 *             in the database, and every submission started after the kill succeeds on the other replica
 * Prints a summary and exits non-zero on any failure. Not part of `npm test` (it takes a while).
 *
 * Needs PostgreSQL (REPLICAS_ADMIN_DATABASE_URL, else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres;
 * it creates and drops a database named replicas_…), Debian's nginx (installed when missing and allowed) and
 * Chromium. Builds the app when .next holds no build of this source (scripts/build-stamp.mjs).
 * Env: REPLICAS_PORT (3310: replicas on it and the next, nginx on +2, SMTP on +3), REPLICAS_JOURNEYS (spec files to
 * run instead of all, space-separated: a partial run, said so in the summary), REPLICAS_SKIP_BUILD=1 (serve .next as it is).
 */
import { spawn, spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { journeyServerEnv } from "../../e2e/journey-server-env";
import { buildStamped, isCurrentBuild } from "../build-stamp.mjs";
import { ensureChromium } from "../chromium.mjs";
import { damageOnly, findIncompleteSubmissions, noDamage } from "../faults/find-incomplete-submissions";
import { checkOutboxDelivery } from "./check-outbox";
import { checkSharedThrottle, describeCounts } from "./check-throttle";
import { ensureNginx, nginxPath } from "./ensure-nginx";
import { startMailCatcher } from "./mail-catcher";
import { nginxConfig } from "./nginx-config";
import { cleanUp, isRunning, killGroup, makeTempFolder, onCleanUp, startProcess, tailOf, type TStarted } from "./processes";
import { submitWhileKilling } from "./submit-while-killing";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
process.chdir(root);
const log = (message: string) => console.log(`[replicas] ${message}`);
const basePort = Number(process.env.REPLICAS_PORT ?? 3310);
const ports = { a: basePort, b: basePort + 1, nginx: basePort + 2, smtp: basePort + 3 };
const origin = `http://127.0.0.1:${ports.nginx}`;
const mailDomain = "replicas.test";

/**
 * Journeys that cannot go through the replicas: each starts a server of its own on a database of its own (prepared
 * before the server starts, or broken on purpose), so the shared servers are never asked; `npm test` runs them.
 */
const ownServerJourneys: Record<string, string> = {
  "e2e/admin-outbox.spec.ts": "its own server on its own embedded database, seeded with dead letters before it starts",
  "e2e/desk-queue.spec.ts": "its own server on its own embedded database, seeded with a busy queue before it starts",
  "e2e/database-outage.spec.ts": "its own PostgreSQL and servers, which it stops and freezes",
  "e2e/logs-no-personal-numbers.spec.ts": "its own server whose database refuses every case, reading that server's output",
};

/**
 * Single journeys that cannot pass through replicas as a production deployment runs them. PostgreSQL in production
 * requires PUBLIC_BASE_URL, and with it given the portal takes https-or-not from that address, not from a request's
 * X-Forwarded-Proto (server/http/reached-over-https.ts: Auth.js names its cookies by it); the journey's server,
 * without PUBLIC_BASE_URL, follows the header. That rule is proven by server/auth/public-address.test.ts.
 */
const ownSettingJourneys: Record<string, string> = {
  "HSTS is sent when the proxy in front says the request came over https": "e2e/security-headers.spec.ts: the replicas' http PUBLIC_BASE_URL decides, not X-Forwarded-Proto",
};

type TCheck = { name: string; ok: boolean; lines: string[] };
let failedRun = false;
const checks: TCheck[] = [];
const record = (name: string, ok: boolean, lines: string[]) => {
  checks.push({ name, ok, lines });
  for (const line of lines) log(`${ok ? "ok  " : "FAIL"} ${name}: ${line}`);
};

async function waitForHealth(url: string, processes: TStarted[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const gone = processes.find((entry) => !isRunning(entry));
    if (gone) throw new Error(`${gone.name} exited (${await gone.exited}) before ${url} answered:\n${tailOf(gone)}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function prepare() {
  const problems = [ensureNginx({ log }), ensureChromium({ log })].filter(Boolean);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  if (process.env.REPLICAS_SKIP_BUILD === "1" && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    log("using the existing build (REPLICAS_SKIP_BUILD=1)");
  } else if (isCurrentBuild(root)) {
    log("the build in .next is of this source: not building");
  } else {
    log("building (next build)…");
    buildStamped(root, () => {
      const built = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
      if (built.status !== 0) throw new Error(`next build failed (exit ${built.status})`);
    });
  }
}

async function createDatabase(): Promise<string> {
  const adminUrl = process.env.REPLICAS_ADMIN_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `replicas_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  onCleanUp(async () => {
    const cleaner = new pg.Client({ connectionString: adminUrl });
    await cleaner.connect();
    await cleaner.query(`drop database if exists ${name} with (force)`);
    await cleaner.end();
    log(`dropped database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  log(`created database ${name}`);
  return url.toString();
}

async function main() {
  const started = Date.now();
  prepare();
  const folder = makeTempFolder(os.tmpdir(), "onedoor-replicas-", () => failedRun || checks.some((check) => !check.ok));
  const databaseUrl = await createDatabase();
  const mail = await startMailCatcher(ports.smtp);
  onCleanUp(mail.close);

  // What every replica must share: the database, AUTH_SECRET, both licence keys, the data key. Nothing else; each has its own DATA_DIR.
  const signingKey = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const shared: NodeJS.ProcessEnv = {
    ...process.env,
    ...journeyServerEnv,
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: "8",
    PUBLIC_BASE_URL: origin,
    TRUSTED_PROXY_COUNT: "1",
    AUTH_TRUST_HOST: "true",
    LICENCE_SIGNING_KEY: Buffer.from(signingKey).toString("base64"),
    LICENCE_HASH_KEY: randomBytes(32).toString("base64"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SMTP_FROM: `OneDoor <noreply@${mailDomain}>`,
    SEED_DEMO: "1",
    ONEDOOR_SKIP_BUILD: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const replicas = (["a", "b"] as const).map((name) => {
    const dataDir = path.join(folder, `data-${name}`);
    const env = { ...shared, PORT: String(ports[name]), DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${ports.smtp}/?name=replica-${name}` };
    return { name: `replica-${name}`, port: ports[name], dataDir, process: startProcess(`replica-${name}`, process.execPath, ["scripts/start.mjs"], { env, logFile: path.join(folder, `replica-${name}.log`) }) };
  });

  // 1. Both started at the same moment on an empty database: both migrate and ask to seed at once.
  log(`started ${replicas.map((replica) => `${replica.name} on ${replica.port}`).join(" and ")} at once (npm start: setup, then next start)`);
  await Promise.all(replicas.map((replica) => waitForHealth(`http://127.0.0.1:${replica.port}/api/health`, [replica.process], 300_000)));
  const seededBy = replicas.filter((replica) => fs.readFileSync(replica.process.log, "utf8").includes("setup: demo data seeded")).map((replica) => replica.name);
  record("start", seededBy.length === 1, [`both serve after starting together on an empty database; the demo data was seeded by ${seededBy.join(" and ") || "nobody"} (exactly one must)`]);

  fs.mkdirSync(path.join(folder, "nginx"));
  for (const temp of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(folder, "nginx", temp));
  const isRoot = process.getuid?.() === 0;
  const config = path.join(folder, "nginx", "nginx.conf");
  fs.writeFileSync(config, nginxConfig({ folder: path.join(folder, "nginx"), port: ports.nginx, upstreams: [ports.a, ports.b], root: isRoot }));
  const nginx = startProcess("nginx", nginxPath, ["-e", path.join(folder, "nginx", "error.log"), "-p", path.join(folder, "nginx"), "-c", config], { env: process.env, logFile: path.join(folder, "nginx", "stdout.log") });
  await waitForHealth(`${origin}/api/health`, [nginx, ...replicas.map((replica) => replica.process)], 30_000);
  log(`nginx on ${origin}, round robin over ${ports.a} and ${ports.b}`);

  const handle = openDatabase({ kind: "postgresql", url: databaseUrl, poolSize: 2 });
  onCleanUp(handle.close);
  // Every account gets an address, so that notifications are e-mailed too (the demo accounts have none).
  const addressesSince = new Date();
  await handle.db.execute(sql`update users set email = username || ${`@${mailDomain}`} where email is null`);

  // 2. The journeys, through nginx.
  const wanted = process.env.REPLICAS_JOURNEYS?.split(/\s+/).filter(Boolean);
  const all = fs.readdirSync("e2e").filter((file) => file.endsWith(".spec.ts")).map((file) => `e2e/${file}`).sort();
  const journeys = (wanted ?? all).filter((file) => !(file in ownServerJourneys));
  for (const [file, why] of Object.entries(ownServerJourneys)) log(`not through the replicas: ${file} (${why})`);
  for (const [title, why] of Object.entries(ownSettingJourneys)) log(`not through the replicas: "${title}" (${why})`);
  const skipTitles = Object.keys(ownSettingJourneys).map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const playwrightEnv: NodeJS.ProcessEnv = { ...process.env, E2E_BASE_URL: origin };
  delete playwrightEnv.DATABASE_URL;
  log(`journeys: ${journeys.length} spec files through ${origin}`);
  // Not spawnSync: the mail server the replicas e-mail through runs in this process, and a blocked event loop sent no
  // SMTP greeting for the whole run (every send timed out and backed off past the outbox check's wait).
  const journeyRun = await new Promise<{ status: number | null }>((resolve) => {
    const child = spawn(process.execPath, [path.join("node_modules", "@playwright", "test", "cli.js"), "test", "--grep-invert", skipTitles, ...journeys], { stdio: "inherit", env: playwrightEnv });
    child.once("exit", (status) => resolve({ status }));
  });
  const perUpstream = new Map<string, number>();
  const unanswered = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(folder, "nginx", "access.log"), "utf8").split("\n").filter(Boolean)) {
    // "$upstream_addr $upstream_status $status": addresses tried in turn are listed with commas, a request nginx
    // answered itself has "-", and one it found no live replica for names the upstream group instead of an address.
    const [tried, ...statuses] = line.split(" ");
    const addresses = tried.split(",").map((part) => part.trim()).filter((part) => part !== "-");
    for (const upstream of addresses.filter((part) => /^127\.0\.0\.1:\d+$/.test(part))) perUpstream.set(upstream, (perUpstream.get(upstream) ?? 0) + 1);
    if (addresses.some((part) => !/^127\.0\.0\.1:\d+$/.test(part))) unanswered.set(`${tried} ${statuses.join(" ")}`, (unanswered.get(`${tried} ${statuses.join(" ")}`) ?? 0) + 1);
  }
  record("journeys", journeyRun.status === 0 && perUpstream.size === 2 && unanswered.size === 0, [
    `${journeys.length} spec files ${journeyRun.status === 0 ? "passed" : `FAILED (playwright exit ${journeyRun.status})`}${wanted ? " (a partial run: REPLICAS_JOURNEYS)" : ""}; not through the replicas: ${Object.keys(ownServerJourneys).length} spec files (their own server) and ${Object.keys(ownSettingJourneys).length} test (its setting)`,
    `requests answered: ${describeCounts(perUpstream)}${unanswered.size ? `; with no replica to answer (nginx found none live): ${describeCounts(unanswered)}` : ""}`,
  ]);

  // 3. The sign-in throttle, shared.
  const throttle = await checkSharedThrottle({ origin, username: "citizen2", allowance: 5 }).catch((error: Error) => ({ ok: false, lines: [`could not be run: ${error.message}${error.cause ? ` (${(error.cause as Error).message})` : ""}`] }));
  record("throttle", throttle.ok, throttle.lines);

  // 4. The outbox, delivered once by two workers.
  const outbox = await checkOutboxDelivery({ db: handle.db, caught: mail.caught, addressesSince, domain: mailDomain });
  record("outbox", outbox.ok, outbox.lines);

  // 5. SIGKILL to replica a while browsers submit through nginx.
  const victim = replicas[0];
  const killRun = await submitWhileKilling({ origin, kill: () => killGroup(victim.process, "SIGKILL") });
  const health = await Promise.all(Array.from({ length: 10 }, () => fetch(`${origin}/api/health`).then((response) => response.status)));
  const damage = await findIncompleteSubmissions({ db: handle.db, acknowledged: killRun.acknowledged, onlyAcknowledged: true });
  const failedBefore = killRun.submissions.filter((entry) => !entry.caseNumber && (killRun.killedAt === null || entry.startedAt <= killRun.killedAt));
  const undamaged = JSON.stringify(damageOnly(damage)) === JSON.stringify(noDamage);
  const killLines = [
    `${killRun.submissions.length} submissions by ${new Set(killRun.submissions.map((entry) => entry.worker)).size} browsers; ${victim.name} killed (SIGKILL) after ${killRun.submissions.filter((entry) => entry.caseNumber && entry.endedAt <= (killRun.killedAt ?? 0)).length} acknowledged, with ${killRun.inFlightAtKill} under way`,
    `${killRun.acknowledged.length} acknowledged: ${undamaged ? "every one in the database with its tasks and first event, trails unbroken" : `DAMAGE ${JSON.stringify(damageOnly(damage))}`}`,
    `under way at the kill and lost (not acknowledged, allowed): ${failedBefore.length}${failedBefore.length ? ` (${[...new Set(failedBefore.map((entry) => entry.error))].join("; ")})` : ""}`,
    `started after the kill: ${killRun.submissions.filter((entry) => killRun.killedAt !== null && entry.startedAt > killRun.killedAt).length}, failed: ${killRun.failedAfterKill.length}${killRun.failedAfterKill.length ? ` (${killRun.failedAfterKill.map((entry) => entry.error).join("; ")})` : ""}; /api/health after: ${describeCounts(new Map([...new Set(health)].map((status) => [String(status), health.filter((s) => s === status).length])))}`,
    `${victim.name} ${isRunning(victim.process) ? "STILL RUNNING" : "is gone"}; ${replicas[1].name} ${isRunning(replicas[1].process) ? "still serving" : "GONE"}`,
  ];
  const killOk =
    killRun.killedAt !== null && killRun.inFlightAtKill > 0 && undamaged && killRun.failedAfterKill.length === 0 && health.every((status) => status === 200) && !isRunning(victim.process) && isRunning(replicas[1].process) && killRun.acknowledged.length > 0;
  record("kill", killOk, killLines);

  // What each replica wrote into its DATA_DIR: with the keys given, nothing it would have to share.
  const written = replicas.map((replica) => `${replica.name}: ${fs.existsSync(replica.dataDir) ? fs.readdirSync(replica.dataDir).join(", ") || "nothing" : "no folder"}`);
  log(`DATA_DIR after the run: ${written.join("; ")}`);

  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n[replicas] ===== summary (wall time ${Math.floor(seconds / 60)} min ${seconds % 60} s) =====`);
  for (const check of checks) console.log(`[replicas] ${check.ok ? "PASS" : "FAIL"} ${check.name}\n${check.lines.map((line) => `           ${line}`).join("\n")}`);
  const failed = checks.filter((check) => !check.ok).length;
  console.log(`replicas: ${checks.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping everything this run started`);
    void cleanUp().then(() => process.exit(130));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  failedRun = true;
  console.error(`[replicas] FAILED: ${(error as Error).stack ?? error}`);
  const failed = checks.filter((check) => !check.ok).length;
  console.log(`replicas: ${checks.length - failed} passed, ${failed + 1} failed`);
} finally {
  await cleanUp();
}
process.exit(exitCode);
