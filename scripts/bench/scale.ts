/**
 * `npm run bench:scale`: how the portal's busiest reads hold up as the cases grow from 10,000 to BENCH_CASES
 * (default 1,000,000), on PostgreSQL.
 *
 * Creates a database of its own beside BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) and
 * drops it at the end; fills it with `npm run seed:load` (scripts/seed-load.ts) to 10,000 cases, measures, adds the
 * rest, measures again. At each size, two ways:
 * - at the query: the use cases each page calls, against the database, BENCH_RUNS times (default 40) with varied
 *   parameters (clerks of every department, sorts, second pages, search terms, heavy applicants' cases), p50 and p95
 *   (the dashboard and statistics, which take seconds at a million, BENCH_RUNS / 8 times, at least 5);
 * - over HTTP: the production build served on the same database, 16 connections for BENCH_SECONDS (default 5) a page,
 *   signed in as the demo accounts, addresses varied the same way (autocannon, as bench:pages).
 * Then one row per measure: p95 at 10,000, p95 at BENCH_CASES and the growth. Goals (issue "A million cases"): queue
 * views and search ≤ 20 ms at the query, pages ≤ 150 ms at 16 users, dashboard and statistics ≤ 200 ms, growth ≤ 2×.
 * The last line reads `worst growth: X.X× (NAME)`. BENCH_SKIP_BUILD=1 reuses .next; BENCH_PORT (default 3231) serves;
 * BENCH_KEEP_DATABASE=1 keeps the database at the end (its address is printed) to study the plans at full size.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import { sql } from "drizzle-orm";
import { loadActor, type TActor } from "@/server/auth/actor";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { listMyCases, myCaseFilters } from "@/server/cases/list-my-cases";
import { listCatalog, listDepartments, listTopics } from "@/server/catalog/list-catalog";
import { listMyLicences } from "@/server/licences/list-my-licences";
import { aggregateRatings } from "@/server/ratings/aggregate-ratings";
import { computePublicStatistics } from "@/server/statistics/compute-public-statistics";
import { listConcludedCases } from "@/server/statistics/list-concluded-cases";
import { computeSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { forgetRememberedFigures } from "@/server/supervision/figures-cache";
import { figureDaysDone } from "@/db/schema";
import { listDeadlineWatch } from "@/server/supervision/list-deadline-watch";
import { listVolumeSeries } from "@/server/supervision/list-volume-series";
import { claimNextTask } from "@/server/workflow/claim-next-task";
import { getTaskForClerk } from "@/server/workflow/get-task-for-clerk";
import { listQueue, queueViews, type TQueueView } from "@/server/workflow/list-queue";
import { queueHref, sortsOf } from "@/server/workflow/queue-query";
import { periodOf } from "@/lib/supervision/report-range";
import { benchChromiumArgs, createDatabase, percentile, signIn, startBenchServer } from "./bench-server";

const root = process.cwd();
const tsx = path.join(root, "node_modules/.bin/tsx");
const target = Number(process.env.BENCH_CASES ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 40);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const connections = 16;
const port = Number(process.env.BENCH_PORT ?? 3231);
const base = `http://127.0.0.1:${port}`;
const sizes = [10_000, target];
// One data directory for the loader, the measures in this process and the server: the licences the loader signs and
// hashes must verify with the keys the server reads there.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-bench-scale-"));
process.env.DATA_DIR = dataDir;

type TKind = "queue" | "page" | "report";
/** `failed`: what went wrong over HTTP (answers other than the expected status, timeouts); its times are then NaN. */
/** `once`: a cost paid once (not per request), shown beside the others but held to no goal nor in the worst growth. */
type TFigure = { name: string; kind: TKind; p50: number; p95: number; failed?: string; once?: boolean };

/** Runs `run(i)` `runs` times after a few untimed warm-ups; each run varies its parameters by i. */
async function time(name: string, kind: TKind, run: (i: number) => Promise<unknown>): Promise<TFigure> {
  // The reports take seconds at a million cases: fewer runs of them, so the whole run stays under an hour.
  const count = kind === "report" ? Math.max(5, Math.ceil(runs / 8)) : runs;
  for (let i = 0; i < (kind === "report" ? 1 : 3); i += 1) await run(count + i);
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { name, kind, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** The accounts and rows the measures vary over, read once per size. */
async function readSamples(handle: TDatabaseHandle) {
  const db = handle.db;
  const actorOf = async (username: string) => {
    const [row] = await executeRows<{ id: string }>(db, sql`select id from users where username = ${username}`);
    const actor = row ? await loadActor(db, row.id) : null;
    if (!actor) throw new Error(`no demo account ${username}`);
    return actor;
  };
  // Busiest department first: the HTTP measures sign in the first four clerks.
  const clerkNames = await executeRows<{ username: string }>(
    db,
    sql`select u.username from users u where u.username like 'clerk-%' and u.department_id is not null order by (select count(*) from tasks t where t.department_id = u.department_id) desc, u.username`,
  );
  const clerks = await Promise.all(clerkNames.map(({ username }) => actorOf(username)));
  // Search terms as clerks type them: a case number, an applicant's name, the last four of an ID.
  const terms = await executeRows<{ number: string; name: string; department_id: string }>(
    db,
    sql`select c.number, coalesce(co.name, u.display_name) as name, t.department_id from (select case_id, department_id, row_number() over (partition by department_id order by random()) as n from tasks) t join cases c on c.id = t.case_id join users u on u.id = c.applicant_id left join companies co on co.id = c.company_id where t.n <= 20`,
  );
  const tasks = await executeRows<{ id: string; department_id: string }>(db, sql`select id, department_id from (select id, department_id, row_number() over (partition by department_id order by random()) as n from tasks) t where n <= 20`);
  const applicants = await Promise.all(["citizen", "enterprise", "agent", "enterprise2"].map(actorOf));
  const enterprise = applicants[1];
  const companyCases = await executeRows<{ number: string }>(db, sql`select number from cases where company_id = ${enterprise.companyIds[0]} order by random() limit 100`);
  const departments = await executeRows<{ id: string; code: string }>(db, sql`select d.id, d.code from departments d order by (select count(*) from tasks t where t.department_id = d.id) desc, d.code`);
  const supervisor = await actorOf("supervisor");
  return { clerks, terms, tasks, applicants, enterprise, companyCases, departments, supervisor };
}
type TSamples = Awaited<ReturnType<typeof readSamples>>;

/** The sorts on the task's own columns; "newest" and "oldest" sort by the case's submission, which no index of tasks holds. */
const indexedSorts = (view: TQueueView) => sortsOf(view).filter((sort) => sort !== "newest" && sort !== "oldest");

function pick<T>(list: T[], i: number): T {
  if (list.length === 0) throw new Error("nothing to vary over");
  return list[i % list.length];
}

async function measureQueries(handle: TDatabaseHandle, samples: TSamples): Promise<TFigure[]> {
  const db = handle.db;
  const { clerks, terms, tasks, applicants, enterprise, companyCases, departments, supervisor } = samples;
  const clerkOf = (departmentId: string) => clerks.find((clerk) => clerk.departmentId === departmentId) ?? clerks[0];
  const figures: TFigure[] = [];
  const today = toIsoDate(new Date());
  const year = { from: addDays(today, -364), to: today };
  for (const view of queueViews) {
    figures.push(
      await time(`desk ${view}`, "queue", async (i) => {
        const actor = pick(clerks, i);
        const sort = pick(indexedSorts(view), Math.floor(i / clerks.length));
        const first = await listQueue({ db, actor, view, sort });
        // Every third run reads the second page, as the "next page" link does.
        if (i % 3 === 2 && first.ok && first.nextCursor) await listQueue({ db, actor, view, sort, cursor: first.nextCursor });
      }),
    );
  }
  figures.push(
    await time("desk search", "queue", (i) => {
      const term = pick(terms, i);
      const q = [term.number, term.name, term.number.slice(-6)][i % 3];
      return listQueue({ db, actor: clerkOf(term.department_id), view: i % 2 === 0 ? "all" : "unclaimed", filters: { q } });
    }),
  );
  figures.push(await time("task page", "page", (i) => getTaskForClerk({ db, actor: clerkOf(pick(tasks, i).department_id), taskId: pick(tasks, i).id })));
  figures.push(await time("/me", "page", (i) => listMyCases({ db, actor: pick(applicants, i), filter: pick([...myCaseFilters], Math.floor(i / applicants.length)) })));
  figures.push(await time("tracker", "page", (i) => getCaseForApplicant({ db, actor: enterprise, caseNumber: pick(companyCases, i).number })));
  figures.push(await time("/me/licences", "page", (i) => listMyLicences({ db, actor: pick(applicants, i), today })));
  // The closed days' figures are counted once, when first asked for (decision 040): what that first view costs, for
  // a year of every department, then what every later one costs. The per-process figures cache is emptied before
  // each run below, so that the counting is measured and not the cache.
  await db.delete(figureDaysDone);
  forgetRememberedFigures(db);
  const firstCount = performance.now();
  await computeSupervisionFigures({ db, actor: supervisor, range: year, group: "service" });
  const firstCountMs = performance.now() - firstCount;
  figures.push({ name: "supervision, first view (counts a year's closed days)", kind: "report", p50: firstCountMs, p95: firstCountMs, once: true });
  figures.push(
    await time("supervision", "report", (i) => {
      forgetRememberedFigures(db);
      return Promise.all([
        computeSupervisionFigures({ db, actor: supervisor, range: year, group: "department" }),
        computeSupervisionFigures({ db, actor: supervisor, range: year, group: "service" }),
        listVolumeSeries({ db, actor: supervisor, range: year, period: periodOf(year) }),
        listDeadlineWatch({ db, actor: supervisor, departmentId: pick(departments, i).id }),
      ]);
    }),
  );
  figures.push(
    await time("/statistics", "report", async () => {
      forgetRememberedFigures(db);
      await computePublicStatistics({ db, group: "department" });
      await computePublicStatistics({ db, group: "service" });
      await listConcludedCases({ db });
      await aggregateRatings({ db });
    }),
  );
  figures.push(
    await time("/services", "page", (i) =>
      Promise.all([listCatalog({ db, filters: [{}, { q: "证" }, { department: pick(departments, i).code }, { applicantType: "legal" as const }][i % 4] }), listDepartments({ db }), listTopics({ db })]),
    ),
  );
  // Last: it claims tasks for real (a few per clerk), which the views above would otherwise count.
  figures.push(await time("claim-next", "queue", (i) => claimNextTask({ db, actor: pick(clerks, i) })));
  return figures;
}

type TRequest = { path: string; cookie: string; method?: "GET" | "POST"; body?: string; contentType?: string };

/** Loads the requests round-robin with 16 connections; every answer must have the status expected. */
async function load(name: string, kind: TKind, requests: TRequest[], expect = 200, amount?: number): Promise<TFigure> {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const options = {
    url: base,
    connections,
    // A report page may take seconds at a million cases: wait for it rather than count it as an error.
    timeout: 120,
    ...(amount ? { amount } : { duration: seconds }),
    requests: requests.map((request) => ({
      method: request.method ?? "GET",
      path: request.path,
      headers: { cookie: request.cookie, ...(request.body ? { "content-type": request.contentType!, origin: base } : {}) },
      ...(request.body ? { body: request.body } : {}),
    })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, status, _bytes, responseTime) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      times.push(responseTime);
    });
  });
  const wrong = [...statuses].filter(([status]) => status !== expect);
  // A failed row is reported, not thrown: the other figures of a long run are still worth having.
  if (wrong.length > 0 || result.errors > 0 || times.length === 0) {
    return { name: `${name} (http)`, kind, p50: Number.NaN, p95: Number.NaN, failed: `answers ${JSON.stringify(Object.fromEntries(statuses))}, ${result.errors} errors, ${result.timeouts} timeouts` };
  }
  times.sort((a, b) => a - b);
  return { name: `${name} (http)`, kind, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** A server action's form post without JavaScript, as the browser sends it: the action's id as a field. */
function actionPost(html: string, buttonId: string) {
  const form = html.split("<form").find((part) => part.includes(`id="${buttonId}"`));
  const field = form?.match(/name="(\$ACTION_ID_[0-9a-f]+)"/)?.[1];
  if (!field) throw new Error(`no form around #${buttonId}`);
  const boundary = "----benchscale";
  return { body: `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n\r\n--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function measurePages(databaseUrl: string, samples: TSamples): Promise<TFigure[]> {
  const server = await startBenchServer({ port, appDir: root, databaseUrl, name: "scale", env: { DATA_DIR: dataDir } });
  process.env.BENCH_SKIP_BUILD = "1";
  try {
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: benchChromiumArgs });
    const cookies = new Map<string, string>();
    try {
      // The clerks of the departments with the most open tasks, one cookie each, and the applicants and supervisor.
      // Clerks are password accounts: each has a user name (only applicants linked by the identity provider lack one).
      for (const clerk of samples.clerks.slice(0, 4)) cookies.set(clerk.username!, (await signIn(await browser.newContext(), base, clerk.username!)).cookie);
      for (const username of ["citizen", "enterprise", "supervisor"]) cookies.set(username, (await signIn(await browser.newContext(), base, username)).cookie);
    } finally {
      await browser.close();
    }
    const clerks = samples.clerks.slice(0, 4);
    const clerkRequests = (paths: (clerk: TActor, i: number) => string) => clerks.flatMap((clerk) => [0, 1, 2].map((i) => ({ path: paths(clerk, i), cookie: cookies.get(clerk.username!)! })));
    const inDepartment = (clerk: TActor) => samples.terms.filter((term) => term.department_id === clerk.departmentId);
    const today = toIsoDate(new Date());
    const figures: TFigure[] = [];
    const targets: [string, TKind, TRequest[]][] = [
      ...queueViews.map((view) => [`desk ${view}`, "page", clerkRequests((_clerk, i) => queueHref({ view, sort: pick(indexedSorts(view), i) }))] as [string, TKind, TRequest[]]),
      ["desk search", "page", clerkRequests((clerk, i) => { const term = pick(inDepartment(clerk), i); return queueHref({ view: "all", q: [term.number, term.name, term.number.slice(-6)][i] }); })],
      ["task page", "page", clerkRequests((clerk, i) => `/desk/tasks/${pick(samples.tasks.filter((task) => task.department_id === clerk.departmentId), i).id}`)],
      ["/me", "page", myCaseFilters.flatMap((status) => ["citizen", "enterprise"].map((username) => ({ path: status === "all" ? "/me" : `/me?status=${status}`, cookie: cookies.get(username)! })))],
      ["tracker", "page", samples.companyCases.slice(0, 20).map(({ number }) => ({ path: `/me/cases/${number}`, cookie: cookies.get("enterprise")! }))],
      ["/me/licences", "page", ["citizen", "enterprise"].map((username) => ({ path: "/me/licences", cookie: cookies.get(username)! }))],
      ["supervision", "report", samples.departments.slice(0, 4).map(({ id }) => ({ path: `/supervise?${new URLSearchParams({ from: addDays(today, -364), to: today, department: id })}`, cookie: cookies.get("supervisor")! }))],
      ["/statistics", "report", [{ path: "/statistics", cookie: "" }]],
      ["/services", "page", ["/services", "/services?q=%E8%AF%81", "/services?applicantType=legal"].map((path) => ({ path, cookie: "" }))],
    ];
    for (const [name, kind, requests] of targets) {
      // A report may take longer than BENCH_SECONDS at a million cases, and autocannon drops what is still in flight
      // when its time is up: the reports are loaded by count instead, two requests a connection.
      const amount = kind === "report" ? 2 * connections : undefined;
      await load(name, kind, requests, 200, amount && connections).catch(() => undefined);
      figures.push(await load(name, kind, requests, 200, amount));
    }
    // Claim-next posts the desk's form: 40 presses per clerk, so no department's queue runs dry.
    const posts = await Promise.all(
      clerks.map(async (clerk) => {
        const cookie = cookies.get(clerk.username!)!;
        const html = await (await fetch(`${base}/desk`, { headers: { cookie } })).text();
        return { path: "/desk", cookie, method: "POST" as const, ...actionPost(html, "claim-next") };
      }),
    );
    figures.push(await load("claim-next", "page", posts, 303, 40 * clerks.length));
    return figures;
  } finally {
    await server.stop();
  }
}

function seedTo(databaseUrl: string, cases: number) {
  execFileSync(tsx, ["scripts/seed-load.ts", "--cases", String(cases)], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "inherit" });
}

const goalOf = (figure: TFigure) => (figure.name.endsWith("(http)") ? (figure.kind === "report" ? 200 : 150) : figure.kind === "queue" ? 20 : figure.kind === "report" ? 200 : 150);
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

async function main() {
  const database = await createDatabase(adminUrl, "onedoor_bench_scale");
  const bySize: TFigure[][] = [];
  try {
    let loaded = 0;
    for (const size of sizes) {
      seedTo(database.url, size - loaded);
      loaded = size;
      const handle = openDatabase({ kind: "postgresql", url: database.url, poolSize: 4, statementTimeoutMs: 0 });
      let figures: TFigure[];
      let samples: TSamples;
      try {
        samples = await readSamples(handle);
        figures = await measureQueries(handle, samples);
      } finally {
        await handle.close();
      }
      figures.push(...(await measurePages(database.url, samples)));
      bySize.push(figures);
      console.log(`\n${size.toLocaleString("en")} cases, PostgreSQL; query: ${runs} runs each; http: ${connections} connections, ${seconds} s a page`);
      for (const figure of figures) {
        if (figure.failed) console.log(`${figure.name.padEnd(28)} FAILED: ${figure.failed}`);
        else if (figure.once) console.log(`${figure.name.padEnd(28)} ${ms(figure.p95)}  (once: no goal)`);
        else console.log(`${figure.name.padEnd(28)} p50 ${ms(figure.p50)}  p95 ${ms(figure.p95)}  goal ≤ ${goalOf(figure)} ms${figure.p95 > goalOf(figure) ? "  MISSED" : ""}`);
      }
    }
  } finally {
    // BENCH_KEEP_DATABASE=1 leaves the database to study afterwards (EXPLAIN at full size); drop it by hand.
    if (process.env.BENCH_KEEP_DATABASE === "1") console.log(`kept the database: ${database.url}`);
    else await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const [small, large] = bySize;
  console.log(`\np95 at ${sizes[0].toLocaleString("en")} and at ${target.toLocaleString("en")} cases`);
  const growth = large.map((figure) => {
    const before = small.find((row) => row.name === figure.name)!;
    return { name: figure.name, before: before.p95, after: figure.p95, growth: figure.p95 / before.p95, once: figure.once };
  });
  for (const row of growth) console.log(`${row.name.padEnd(28)} ${ms(row.before)} → ${ms(row.after)}  ${row.growth.toFixed(1)}×${row.once ? "  (once: no goal)" : row.growth > 2 ? "  MISSED" : ""}`);
  // A row that failed at either size has no growth (NaN) and is named above; the worst is of the others.
  const worst = growth.filter((row) => Number.isFinite(row.growth) && !row.once).reduce((a, b) => (b.growth > a.growth ? b : a));
  console.log(`worst growth: ${worst.growth.toFixed(1)}× (${worst.name})`);
}

await main();
