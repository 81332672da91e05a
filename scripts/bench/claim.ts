/**
 * `npm run bench:claim`: how fast a department's clerks empty their queue with "claim next", on PostgreSQL. Workers
 * (8 by default, one pooled connection each) claim until nothing is left, over tasks seeded fresh for each run:
 *
 *   1. claimNextTask, the use case, through the app's db layer (pick and lock task + case with SKIP LOCKED, claim,
 *      append the hash-chained trail event, in one transaction);
 *   2. the same writes as hand-written SQL on the driver (BEGIN, the same pick-and-claim statement, read the last
 *      hash, insert the event, COMMIT) — what the use case costs beyond its SQL; once as unnamed statements (parsed
 *      on every call), once as named ones (parsed once per connection, as the use case's prebuilt statements are);
 *   3. the bare SKIP LOCKED loop: one autocommit `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)` — the ceiling.
 *
 * Each run counts double claims (a task claimed more than once, from what the workers got back and, where there is
 * one, from the trail), which must be 0. The script creates and drops its own database (BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL). Options (env): BENCH_TASKS (default 2000), BENCH_WORKERS (default 8).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type pg from "pg";
import { caseEvents, departments, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedDemo } from "@/seed/seed-demo";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { openTestDatabase, type TTestDatabase } from "@/db/testing";
import { loadActor, type TActor } from "@/server/auth/actor";
import { hashCaseEvent } from "@/server/cases/append-case-event";
import { claimNextTask } from "@/server/workflow/claim-next-task";

const taskCount = Number(process.env.BENCH_TASKS ?? 2000);
const workerCount = Number(process.env.BENCH_WORKERS ?? 8);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const departmentCode = "AMR";

type TRun = {
  label: string;
  claims: number;
  perSecond: number;
  p50: number;
  p95: number;
  /** CPU this Node process spent per claim (the database server's is not in it). */
  nodeCpuMs: number;
  doubleClaims: number;
  leftUnclaimed: number;
};

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Runs one worker per clerk until each is told there is nothing left; `claim` returns the claimed task's id, or null
 * when the queue is empty. Times every successful claim.
 */
async function race(workers: TActor[], claim: (worker: TActor, index: number) => Promise<string | null>) {
  const latencies: number[] = [];
  const claimed: string[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    workers.map(async (worker, index) => {
      for (;;) {
        const t0 = performance.now();
        const taskId = await claim(worker, index);
        if (!taskId) return;
        latencies.push(performance.now() - t0);
        claimed.push(taskId);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return { claimed, seconds, cpuMs: (cpu.user + cpu.system) / 1000, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

/** Tasks the workers got back more than once, and tasks with more than one claim on their trail. */
function doubles(claimed: string[]) {
  const seen = new Map<string, number>();
  for (const id of claimed) seen.set(id, (seen.get(id) ?? 0) + 1);
  return [...seen.values()].filter((times) => times > 1).length;
}

async function measure(
  database: TTestDatabase,
  label: string,
  workers: TActor[],
  claim: (worker: TActor, index: number) => Promise<string | null>,
  options: { trail: boolean },
): Promise<TRun> {
  const { db, pool } = database;
  const ids = await seedQueueTasks(db, { departmentCode, count: taskCount, dueDateSpread: 30 });
  // Every run starts from the same table state: the previous runs' dead rows vacuumed, statistics fresh.
  await pool!.query("vacuum analyze tasks, cases, case_events");
  const { claimed, seconds, cpuMs, p50, p95 } = await race(workers, claim);

  let trailDoubles = 0;
  if (options.trail) {
    const perTask = await db
      .select({ claims: count() })
      .from(caseEvents)
      .where(and(inArray(caseEvents.taskId, ids), eq(caseEvents.kind, "task-claimed")))
      .groupBy(caseEvents.taskId);
    trailDoubles = perTask.filter((row) => row.claims > 1).length;
  }
  const [left] = await db.select({ count: count() }).from(tasks).where(and(inArray(tasks.id, ids), isNull(tasks.assigneeId)));
  return {
    label,
    claims: claimed.length,
    perSecond: claimed.length / seconds,
    p50,
    p95,
    nodeCpuMs: cpuMs / Math.max(1, claimed.length),
    doubleClaims: Math.max(doubles(claimed), trailDoubles),
    leftUnclaimed: left.count,
  };
}

/** One dedicated connection per worker, for the hand-written runs. */
async function withClients<T>(pool: pg.Pool, work: (clients: pg.PoolClient[]) => Promise<T>): Promise<T> {
  const clients = await Promise.all(Array.from({ length: workerCount }, () => pool.connect()));
  try {
    return await work(clients);
  } finally {
    for (const client of clients) client.release();
  }
}

const actionable = "('waiting', 'accepted', 'supplement-received')";

/** The bare loop: pick the oldest unclaimed task with SKIP LOCKED and claim it, one autocommit statement. */
const bareClaim = `
  update tasks set assignee_id = $1, claimed_at = now(), updated_at = now(), version = version + 1
  where id = (
    select id from tasks
    where department_id = $2 and assignee_id is null and status in ${actionable}
    order by due_date, id limit 1
    for update skip locked
  )
  returning id`;

/** The use case's statements, by hand: the pick locks the case too, then the trail event in the same transaction. */
const fullClaim = `
  update tasks set assignee_id = $1, claimed_at = now(), updated_at = now(), version = version + 1
  where id = (
    select tasks.id from tasks join cases on cases.id = tasks.case_id
    where tasks.department_id = $2 and tasks.assignee_id is null and tasks.status in ${actionable}
    order by tasks.due_date, tasks.id limit 1
    for update of tasks, cases skip locked
  ) and assignee_id is null
  returning id, case_id`;

/**
 * `named`: as named statements, which PostgreSQL parses once per connection (as the use case's prebuilt statements
 * are, db/prepared.ts); otherwise unnamed, parsed on every call.
 */
async function fullClaimBy(client: pg.PoolClient, actorId: string, departmentId: string, named = false): Promise<string | null> {
  const statement = (name: string, text: string) => (named ? { name: `bench.${name}`, text } : { text });
  await client.query("begin");
  try {
    const { rows } = await client.query<{ id: string; case_id: string }>({ ...statement("claim", fullClaim), values: [actorId, departmentId] });
    if (rows.length === 0) {
      await client.query("commit");
      return null;
    }
    const { id, case_id: caseId } = rows[0];
    const last = await client.query<{ hash: string }>({ ...statement("last-hash", "select hash from case_events where case_id = $1 order by id desc limit 1"), values: [caseId] });
    const prevHash = last.rows[0]?.hash ?? null;
    const at = new Date();
    const hash = hashCaseEvent(prevHash, { caseId, taskId: id, actorId, kind: "task-claimed", public: false, at: at.toISOString() });
    await client.query({
      ...statement("insert-event", "insert into case_events (case_id, task_id, actor_id, kind, data, public, prev_hash, hash, created_at) values ($1, $2, $3, 'task-claimed', '{}', false, $4, $5, $6)"),
      values: [caseId, id, actorId, prevHash, hash, at],
    });
    await client.query("commit");
    return id;
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

async function main() {
  if (!pgUrl) {
    console.error("bench:claim runs on PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL");
    process.exit(2);
  }
  process.env.TEST_DATABASE_URL = pgUrl;
  // A connection per worker, and two for the bench's own statements while the hand-written runs hold theirs.
  const database = await openTestDatabase("postgresql", { poolSize: workerCount + 2 });
  const results: TRun[] = [];
  try {
    const { db, pool } = database;
    await seedDemo(db);
    const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.code, departmentCode));
    const workers: TActor[] = [];
    for (let i = 1; i <= workerCount; i++) {
      const user = await seedUser(db, { username: `bench-clerk-${i}`, role: "clerk", displayName: `Bench clerk ${i}`, departmentCode });
      workers.push((await loadActor(db, user.id))!);
    }
    const useCase = async (worker: TActor) => {
      const result = await claimNextTask({ db, actor: worker });
      if (result.ok) return result.taskId;
      if (result.code !== "not-found:unclaimed-task") throw new Error(result.code);
      return null;
    };

    // Warm up every path (JIT, plan caches, connections) on a small queue.
    const warmUp = Math.min(200, taskCount);
    await seedQueueTasks(db, { departmentCode, count: warmUp });
    await race(workers, useCase);
    await withClients(pool!, async (clients) => {
      await seedQueueTasks(db, { departmentCode, count: warmUp });
      await race(workers, (worker, index) => fullClaimBy(clients[index], worker.id, department.id));
      await seedQueueTasks(db, { departmentCode, count: warmUp });
      await race(workers, (worker, index) => fullClaimBy(clients[index], worker.id, department.id, true));
      await seedQueueTasks(db, { departmentCode, count: warmUp });
      await race(workers, async (worker, index) => (await clients[index].query<{ id: string }>(bareClaim, [worker.id, department.id])).rows[0]?.id ?? null);
    });

    // Alternate the three so none gets the warmer machine.
    for (const round of [1, 2]) {
      results.push(await measure(database, `claimNextTask (use case) · round ${round}`, workers, useCase, { trail: true }));
      await withClients(pool!, async (clients) => {
        results.push(
          await measure(database, `raw SQL, same writes · round ${round}`, workers, (worker, index) => fullClaimBy(clients[index], worker.id, department.id), {
            trail: true,
          }),
        );
        results.push(
          await measure(
            database,
            `raw SQL, same writes, named statements · round ${round}`,
            workers,
            (worker, index) => fullClaimBy(clients[index], worker.id, department.id, true),
            { trail: true },
          ),
        );
        results.push(
          await measure(
            database,
            `raw SQL, bare SKIP LOCKED loop (ceiling) · round ${round}`,
            workers,
            async (worker, index) => (await clients[index].query<{ id: string }>(bareClaim, [worker.id, department.id])).rows[0]?.id ?? null,
            { trail: false },
          ),
        );
      });
    }
    const { rows } = await pool!.query<{ server_version: string }>("show server_version");
    const version = rows[0].server_version;
    console.log(`\nbench:claim — ${taskCount} tasks per run, ${workerCount} workers, PostgreSQL ${version}, node ${process.version}, ${os.cpus().length} cores\n`);
  } finally {
    await database.drop();
  }

  console.log("| run | claims/s | p50 ms | p95 ms | Node CPU ms/claim | claimed | double claims | left unclaimed |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const run of results) {
    console.log(
      `| ${run.label} | ${run.perSecond.toFixed(0)} | ${run.p50.toFixed(2)} | ${run.p95.toFixed(2)} | ${run.nodeCpuMs.toFixed(2)} | ${run.claims} | ${run.doubleClaims} | ${run.leftUnclaimed} |`,
    );
  }
  const failed = results.filter((run) => run.doubleClaims > 0 || run.leftUnclaimed > 0 || run.claims !== taskCount);
  if (failed.length > 0) {
    console.error(`\n${failed.length} run(s) claimed a task twice or left one behind`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
