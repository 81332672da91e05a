/**
 * `npm run bench:login-burst`: does a burst of sign-ins slow the server down for everybody else?
 *
 * Against a production build served by `npm start` on a port and DATA_DIR of its own: /api/health's p95 while the
 * server is idle, then while 10 concurrent clients post 100 wrong passwords to /api/auth/callback/credentials and
 * one more client reads /api/health one request after another. Goal (issue 11): p95 during the burst ≤ 2 × idle and
 * ≤ 50 ms.
 *
 * Every one of the 100 sign-ins must really check a password (an argon2 run), not be refused by the sign-in
 * throttle: the server trusts one proxy (TRUSTED_PROXY_COUNT=1) and the benchmark plays that proxy, giving each
 * client an address of its own in X-Forwarded-For (10 sign-ins per address, allowance 100), and each client spreads
 * its sign-ins over 5 names (2 per name, allowance 5). The names belong to no account, which costs the same argon2
 * run (the server verifies against a dummy hash). The script fails if any answer is not "wrong password".
 *
 * The server's database is a fresh embedded PGlite in a DATA_DIR of its own (the default setup), or, with
 * BENCH_DATABASE_URL, a fresh PostgreSQL database created next to that one and dropped afterwards.
 *
 * Options (env): BENCH_PORT (default 3213), BENCH_SIGN_INS (100), BENCH_CLIENTS (10), BENCH_IDLE_READS (300),
 * BENCH_ROUNDS (1), BENCH_SKIP_BUILD=1 (reuse .next), BENCH_APP_DIR (serve another checkout, e.g. an older commit,
 * for a before/after), BENCH_DATABASE_URL.
 */
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { percentile, startBenchServer, type TBenchServer } from "./bench-server";

const port = Number(process.env.BENCH_PORT ?? 3213);
const signIns = Number(process.env.BENCH_SIGN_INS ?? 100);
const clients = Number(process.env.BENCH_CLIENTS ?? 10);
const idleReads = Number(process.env.BENCH_IDLE_READS ?? 300);
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const appDir = path.resolve(process.env.BENCH_APP_DIR ?? ".");
const adminUrl = process.env.BENCH_DATABASE_URL;
const base = `http://127.0.0.1:${port}`;

/** One client: its own CSRF cookie and token, its own address, `count` wrong passwords in a row. */
async function signInClient(client: number, count: number, run: string): Promise<{ wrongPassword: number; other: string[]; times: number[] }> {
  const address = `198.51.${100 + Math.floor(client / 250)}.${(client % 250) + 1}`;
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": address } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((header) => header.split(";")[0]).join("; ");
  const result = { wrongPassword: 0, other: [] as string[], times: [] as number[] };
  for (let i = 0; i < count; i += 1) {
    const body = new URLSearchParams({ csrfToken, username: `bench-${run}-${client}-${i % 5}`, password: "not-the-password", callbackUrl: "/" });
    const started = performance.now();
    const response = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
      body,
      redirect: "manual",
    });
    await response.arrayBuffer();
    result.times.push(performance.now() - started);
    // Auth.js's answer to a checked, wrong password: back to the sign-in page with code=credentials.
    const location = response.headers.get("location") ?? "";
    if (response.status === 302 && location.includes("error=CredentialsSignin") && location.includes("code=credentials")) result.wrongPassword += 1;
    else result.other.push(`${response.status} ${location}`);
  }
  return result;
}

/** One round: idle reads, then reads during the burst. Returns whether the goal was met and every sign-in checked. */
async function measureRound(server: TBenchServer, round: number): Promise<boolean> {
  const idle: number[] = [];
  for (let i = 0; i < idleReads; i += 1) idle.push(await server.readHealth());
  idle.sort((a, b) => a - b);

  const run = `${round}-${Math.random().toString(36).slice(2, 8)}`;
  let burstDone = false;
  const burstStarted = performance.now();
  const perClient = Array.from({ length: clients }, (_, client) => Math.floor(signIns / clients) + (client < signIns % clients ? 1 : 0));
  // Each round gives its clients fresh addresses, so no round inherits another's counts.
  const burst = Promise.all(perClient.map((count, client) => signInClient(round * clients + client, count, run))).finally(() => {
    burstDone = true;
  });
  const [during, results] = await Promise.all([server.readHealthUntil(() => burstDone), burst]);
  const burstSeconds = (performance.now() - burstStarted) / 1000;

  const wrongPassword = results.reduce((sum, result) => sum + result.wrongPassword, 0);
  const other = results.flatMap((result) => result.other);
  const signInTimes = results.flatMap((result) => result.times).sort((a, b) => a - b);
  const idleP95 = percentile(idle, 95);
  const duringP95 = percentile(during, 95);
  const goal = Math.min(2 * idleP95, 50);

  console.log(`\nround ${round}: ${signIns} wrong sign-ins from ${clients} concurrent clients in ${burstSeconds.toFixed(2)} s (${(signIns / burstSeconds).toFixed(0)}/s); ${wrongPassword} checked and answered "wrong password", ${other.length} otherwise; load average ${os.loadavg()[0].toFixed(1)}`);
  console.log(`sign-in p50 ${percentile(signInTimes, 50).toFixed(1)} ms, p95 ${percentile(signInTimes, 95).toFixed(1)} ms\n`);
  console.log("| /api/health | reads | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| idle | ${idle.length} | ${percentile(idle, 50).toFixed(1)} | ${idleP95.toFixed(1)} |`);
  console.log(`| during the burst | ${during.length} | ${percentile(during, 50).toFixed(1)} | ${duringP95.toFixed(1)} |`);
  console.log(`\ngoal: p95 during the burst ≤ 2 × idle p95 and ≤ 50 ms, i.e. ≤ ${goal.toFixed(1)} ms — ${duringP95 <= goal ? "met" : "NOT MET"}`);
  if (other.length > 0) console.log(`not every sign-in was checked: ${[...new Set(other)].join(", ")}`);
  return duringP95 <= goal && other.length === 0;
}

async function main() {
  const server = await startBenchServer({ port, appDir, adminUrl, name: "login", env: { TRUSTED_PROXY_COUNT: "1" } });
  try {
    console.log(`server: ${appDir}, database: ${server.databaseLabel}`);
    for (let i = 0; i < 50; i += 1) await server.readHealth(); // warm-up: the route's first compile and the database
    const warmUp = await signInClient(200, 3, "warm-up"); // the sign-in path's first run (argon2, the throttle)
    if (warmUp.other.length > 0) throw new Error(`warm-up sign-ins were not answered as wrong passwords: ${warmUp.other.join(", ")}`);
    let allMet = true;
    for (let round = 1; round <= rounds; round += 1) allMet = (await measureRound(server, round)) && allMet;
    process.exitCode = allMet ? 0 : 1;
  } finally {
    await server.stop();
  }
}

await main();
