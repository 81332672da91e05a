/**
 * `npx tsx scripts/bench/explain-queries.ts <database url>`: the plans, with timing and buffers, of every statement a
 * desk view, the desk search and the dashboard issue against a database (a kept bench:scale one, BENCH_KEEP_DATABASE=1),
 * through PostgreSQL's auto_explain: run once cold, once warm, printing each statement's total time and its shared
 * buffers hit (in memory) and read (from disk or the OS cache). Says where a view's time goes at full size.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import * as schema from "@/db/schema";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import { loadActor } from "@/server/auth/actor";
import { computeSupervisionFigures } from "@/server/supervision/compute-supervision-figures";
import { forgetRememberedFigures } from "@/server/supervision/figures-cache";
import { listQueue, queueViews } from "@/server/workflow/list-queue";

const url = process.argv[2];
if (!url) throw new Error("usage: explain-queries.ts <database url>");
const pool = new pg.Pool({
  connectionString: url,
  max: 1,
  options: "-c jit=off -c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=off -c auto_explain.log_level=notice -c client_min_messages=notice",
});
const notices: string[] = [];
pool.on("connect", (client) => client.on("notice", (notice) => notices.push(notice.message ?? "")));
const db = drizzle({ client: pool, schema }) as unknown as TDatabase;

/** The statements' total time, and their buffers: each plan's top node (which includes its children's) — the first match. */
function summarize(label: string) {
  let hit = 0;
  let read = 0;
  let ms = 0;
  for (const notice of notices) {
    const duration = /duration: ([\d.]+) ms/.exec(notice);
    if (duration) ms += Number(duration[1]);
    const buffers = /Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?/.exec(notice);
    if (buffers) {
      hit += Number(buffers[1] ?? 0);
      read += Number(buffers[2] ?? 0);
    }
  }
  console.log(`${label.padEnd(34)} ${String(notices.length).padStart(2)} statements  ${ms.toFixed(1).padStart(8)} ms  buffers hit ${hit}  read ${read}`);
  // --statements: each statement's time, its top node's buffers and the start of its text.
  if (process.argv.includes("--statements")) {
    for (const notice of notices) {
      const duration = /duration: ([\d.]+) ms/.exec(notice)?.[1];
      const buffers = /Buffers: shared[^\n]*/.exec(notice)?.[0];
      const text = /Query Text: ([\s\S]*?)\n\S/.exec(notice)?.[1]?.replace(/\s+/g, " ").slice(0, 110);
      console.log(`    ${duration} ms  ${buffers}  ${text}`);
    }
  }
  if (process.argv.includes("--plans")) console.log(notices.join("\n\n"));
  notices.length = 0;
}

const [clerkRow] = await executeRows<{ id: string }>(db, sql`select u.id from users u join tasks t on t.department_id = u.department_id where u.role = 'clerk' group by u.id order by count(*) desc limit 1`);
const clerk = (await loadActor(db, clerkRow.id))!;
const [supervisorRow] = await executeRows<{ id: string }>(db, sql`select id from users where username = 'supervisor'`);
const supervisor = (await loadActor(db, supervisorRow.id))!;
const [term] = await executeRows<{ name: string }>(db, sql`select left(applicant_search, 2) as name from cases where applicant_search is not null order by submitted_at desc limit 1`);
notices.length = 0;
for (const round of ["cold", "warm"]) {
  for (const view of queueViews) {
    await listQueue({ db, actor: clerk, view });
    summarize(`${round} desk ${view}`);
  }
  await listQueue({ db, actor: clerk, view: "all", filters: { q: term.name } });
  summarize(`${round} desk search "${term.name}"`);
  forgetRememberedFigures(db);
  const today = toIsoDate(new Date());
  await computeSupervisionFigures({ db, actor: supervisor, range: { from: addDays(today, -364), to: today }, group: "service" });
  summarize(`${round} dashboard by service, a year`);
}
await pool.end();
