/**
 * `npm run bench:intake`: throughput and latency of the submit use case (validate → route → write the case, its
 * tasks and its trail in one transaction), beside the same writes as hand-written SQL on the same tables in the
 * same run — the ceiling the use case is measured against. PGlite always; PostgreSQL when a URL is given
 * (BENCH_DATABASE_URL, else TEST_DATABASE_URL; the script creates and drops its own database).
 *
 * Options (env): BENCH_SUBMISSIONS (default 400), BENCH_CONCURRENCY (PostgreSQL, default 8).
 */
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { and, eq, inArray } from "drizzle-orm";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { formDefinitions, services, users, companyMembers } from "@/db/schema";
import { openTestDatabase } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { seedDemo } from "@/seed/seed-demo";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { formatCaseNumber } from "@/lib/workflow/case-number";
import { loadActor } from "@/server/auth/actor";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { submitApplication } from "@/server/intake/submit-application";

const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 400);
const pgConcurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type TRun = { label: string; perSecond: number; p50: number; p95: number; count: number };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `count` jobs, `concurrency` at a time, timing each. */
async function measure(label: string, count: number, concurrency: number, job: (i: number) => Promise<unknown>): Promise<TRun> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await job(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, count, perSecond: count / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/**
 * The same rows submitApplication writes for a restaurant with a sign — the case, its first trail event, the
 * applicant's message in the outbox, three tasks — as plain SQL with precomputed values.
 */
async function prepareRawSubmit(handle: TDatabaseHandle) {
  const db = handle.db;
  const [enterprise] = await db.select().from(users).where(eq(users.username, "enterprise"));
  const [membership] = await db.select().from(companyMembers).where(eq(companyMembers.userId, enterprise.id));
  const [form] = await db
    .select()
    .from(formDefinitions)
    .where(and(eq(formDefinitions.subjectType, "bundle"), eq(formDefinitions.subjectCode, "BUNDLE-RESTAURANT")));
  const serviceRows = await db
    .select()
    .from(services)
    .where(inArray(services.code, ["AMR-FOOD-LICENCE", "FIRE-SAFETY-CHECK", "URBAN-OUTDOOR-SIGN"]));
  const calendar = await loadCalendar(db);
  const today = toIsoDate(new Date());
  const answers = JSON.stringify({ ...restaurantAnswers(), businessArea: 120, seats: 40, hasOutdoorSign: true });
  const dues = serviceRows.map((s) => [s.id, s.departmentId, addWorkingDays(today, s.promisedLimitDays, calendar), addWorkingDays(today, s.legalLimitDays, calendar)]);

  const statements = async (query: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>) => {
    const { rows: seq } = await query("select nextval('case_number_seq') as n", []);
    const number = formatCaseNumber(today, Number(seq[0].n));
    const { rows: created } = await query(
      `insert into cases (number, subject_type, subject_code, form_definition_id, applicant_id, company_id, applicant_type, channel, answers, idempotency_key)
       values ($1, 'bundle', 'BUNDLE-RESTAURANT', $2, $3, $4, 'legal', 'online', $5, $6)
       on conflict (applicant_id, idempotency_key) do nothing returning id`,
      [number, form.id, enterprise.id, membership.companyId, answers, randomUUID()],
    );
    const caseId = created[0].id as string;
    const hash = createHash("sha256").update(`${caseId}case-submitted`).digest("hex");
    await query("insert into case_events (case_id, actor_id, kind, data, public, prev_hash, hash) values ($1, $2, 'case-submitted', '{}', true, null, $3)", [
      caseId,
      enterprise.id,
      hash,
    ]);
    await query("insert into outbox (company_id, topic, params, case_id, link) values ($1, 'case-submitted', $2, $3, $4)", [
      membership.companyId,
      JSON.stringify({ caseNumber: number, service: { "zh-Hans": "餐馆", "zh-Hant": "餐館", en: "Restaurant" } }),
      caseId,
      `/me/cases/${number}/receipt`,
    ]);
    await query(
      `insert into tasks (case_id, service_id, department_id, due_date, legal_due_date) values
       ($1, $2, $3, $4, $5), ($1, $6, $7, $8, $9), ($1, $10, $11, $12, $13)`,
      [caseId, ...dues.flat()],
    );
  };

  if (handle.pglite) {
    const client = handle.pglite;
    return () => client.transaction((tx) => statements((text, params) => tx.query(text, params)));
  }
  const pool = handle.pool!;
  return async () => {
    const client = await pool.connect();
    try {
      await client.query("begin");
      await statements((text, params) => client.query(text, params));
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
  };
}

async function benchDatabase(label: string, handle: TDatabaseHandle, concurrency: number): Promise<TRun[]> {
  await seedDemo(handle.db);
  const [enterprise] = await handle.db.select().from(users).where(eq(users.username, "enterprise"));
  const actor = (await loadActor(handle.db, enterprise.id))!;
  const answers = restaurantAnswers();
  const useCase = async () => {
    const result = await submitApplication({
      db: handle.db,
      actor,
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: answers,
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (!result.ok) throw new Error(`submit failed: ${result.code}`);
  };
  const raw = await prepareRawSubmit(handle);
  // Warm up both paths (JIT, plan caches), then alternate so neither gets the warmer machine.
  await measure("warm-up", 30, concurrency, useCase);
  await measure("warm-up", 30, concurrency, raw);
  const runs: TRun[] = [];
  for (const round of [1, 2]) {
    runs.push(await measure(`${label} · submitApplication (use case) · round ${round}`, submissions, concurrency, useCase));
    runs.push(await measure(`${label} · raw SQL, same writes (ceiling) · round ${round}`, submissions, concurrency, raw));
  }
  return runs;
}

async function main() {
  const results: TRun[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-bench-"));
  const pglite = openDatabase({ kind: "pglite", dataDir });
  try {
    await migrateDatabase(pglite);
    results.push(...(await benchDatabase("PGlite (on disk), 1 at a time", pglite, 1)));
  } finally {
    await pglite.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  if (pgUrl) {
    process.env.TEST_DATABASE_URL = pgUrl;
    for (const concurrency of [1, pgConcurrency]) {
      const postgres = await openTestDatabase("postgresql", { poolSize: concurrency });
      try {
        results.push(...(await benchDatabase(`PostgreSQL, ${concurrency} concurrent`, postgres, concurrency)));
      } finally {
        await postgres.drop();
      }
    }
  } else {
    console.log("(PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  }

  console.log(`\nbench:intake — ${submissions} submissions per run, node ${process.version}, ${os.cpus().length} cores\n`);
  console.log("| run | submissions/s | p50 ms | p95 ms |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const run of results) {
    console.log(`| ${run.label} | ${run.perSecond.toFixed(0)} | ${run.p50.toFixed(1)} | ${run.p95.toFixed(1)} |`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
