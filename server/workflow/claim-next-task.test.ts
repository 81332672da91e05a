import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, departments, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import { loadActor, type TActor } from "@/server/auth/actor";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimNextTask } from "./claim-next-task";

const today = toIsoDate(new Date());

async function seedClerks(world: TWorld, departmentCode: string, howMany: number): Promise<TActor[]> {
  const clerks: TActor[] = [];
  for (let i = 1; i <= howMany; i++) {
    const user = await seedUser(world.db, { username: `${departmentCode.toLowerCase()}-worker-${i}`, role: "clerk", displayName: `Worker ${i}`, departmentCode });
    clerks.push((await loadActor(world.db, user.id))!);
  }
  return clerks;
}

describe.each(testDatabaseKinds)("claim next on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("takes the department's unclaimed actionable tasks oldest due first, then says there is nothing to claim", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-health");
    // Several tasks share each due date, so the id decides among them.
    const queued = await seedQueueTasks(db, { departmentCode: "HEALTH", count: 12, dueDateSpread: 4, firstDueDate: addDays(today, 3) });
    const accepted = await seedQueueTasks(db, { departmentCode: "HEALTH", count: 2, status: "accepted", firstDueDate: addDays(today, 2) });
    const supplied = await seedQueueTasks(db, { departmentCode: "HEALTH", count: 1, status: "supplement-received", firstDueDate: addDays(today, 9) });
    // Due earlier, but not claimable: another department's, waiting for the applicant, not yet ready, already held.
    await seedQueueTasks(db, { departmentCode: "FIRE", count: 3, firstDueDate: addDays(today, -5) });
    await seedQueueTasks(db, { departmentCode: "HEALTH", count: 1, status: "supplement-requested", firstDueDate: addDays(today, -3) });
    await seedQueueTasks(db, { departmentCode: "HEALTH", count: 1, status: "pending", firstDueDate: addDays(today, -3) });
    const [held] = await seedQueueTasks(db, { departmentCode: "HEALTH", count: 1, firstDueDate: addDays(today, -4) });
    await db.update(tasks).set({ assigneeId: clerk.id }).where(eq(tasks.id, held));

    const claimable = [...queued, ...accepted, ...supplied];
    const expected = await db
      .select({ id: tasks.id })
      .from(tasks)
      .where(inArray(tasks.id, claimable))
      .orderBy(asc(tasks.dueDate), asc(tasks.id));
    const claimedIds: string[] = [];
    for (let i = 0; i < claimable.length; i++) {
      const result = await claimNextTask({ db, actor: clerk });
      if (!result.ok) throw new Error(result.code);
      expect(result.version).toBe(2);
      claimedIds.push(result.taskId);
    }
    expect(claimedIds).toEqual(expected.map((row) => row.id));
    expect(await claimNextTask({ db, actor: clerk })).toEqual({ ok: false, code: "not-found:unclaimed-task" });

    const rows = await db.select().from(tasks).where(inArray(tasks.id, claimable));
    expect(rows.every((row) => row.assigneeId === clerk.id && row.claimedAt !== null)).toBe(true);
    const [fire] = await db
      .select({ held: count(tasks.assigneeId) })
      .from(tasks)
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(eq(departments.code, "FIRE"));
    expect(fire.held).toBe(0);
    // Each claim is on the task's trail, internal, and the chain still verifies.
    const events = await db.select().from(caseEvents).where(and(inArray(caseEvents.taskId, claimable), eq(caseEvents.kind, "task-claimed")));
    expect(events).toHaveLength(claimable.length);
    expect(events.every((event) => event.actorId === clerk.id && !event.public)).toBe(true);
    expect(await verifyCaseTrail({ db, caseId: rows[0].caseId })).toMatchObject({ ok: true, length: 2 });
  });

  it("lets only a clerk with a department claim", async () => {
    for (const username of ["supervisor", "citizen", "admin", "counter"]) {
      expect(await claimNextTask({ db: world.db, actor: await world.actorOf(username) })).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("claim next under concurrency on PostgreSQL", () => {
  let world: TWorld;
  beforeAll(async () => {
    // One pooled connection per worker, and one to spare for the test's own queries.
    world = await openSeededWorld("postgresql", { poolSize: 10 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("skips a task whose row or case another transaction holds, without waiting for it", async () => {
    const db = world.db;
    const clerk = await world.actorOf("clerk-env");
    const ids = await seedQueueTasks(db, { departmentCode: "ENV", count: 3, dueDateSpread: 3 });
    const [first] = await db.select().from(tasks).where(eq(tasks.id, ids[0]));
    const other = await world.pool!.connect();
    try {
      // A clerk deciding on the first task's case holds the case row; someone else holds the second task's row.
      await other.query("begin");
      await other.query("select id from cases where id = $1 for update", [first.caseId]);
      await other.query("select id from tasks where id = $1 for update", [ids[1]]);
      const started = performance.now();
      const result = await claimNextTask({ db, actor: clerk });
      expect(performance.now() - started).toBeLessThan(1000);
      expect(result).toMatchObject({ ok: true, taskId: ids[2] });
      expect(await claimNextTask({ db, actor: clerk })).toEqual({ ok: false, code: "not-found:unclaimed-task" });
    } finally {
      await other.query("rollback");
      other.release();
    }
    expect(await claimNextTask({ db, actor: clerk })).toMatchObject({ ok: true, taskId: ids[0] });
    expect(await claimNextTask({ db, actor: clerk })).toMatchObject({ ok: true, taskId: ids[1] });
  });

  it("has 8 concurrent workers claim 2,000 tasks, every task exactly once", { timeout: 180_000 }, async () => {
    const db = world.db;
    // Two tasks of the department per case, so workers also meet each other on the case lock.
    const ids = await seedQueueTasks(db, { departmentCode: "TAX", count: 2000, tasksPerCase: 2, dueDateSpread: 60 });
    const workers = await seedClerks(world, "TAX", 8);
    const claimedBy = await Promise.all(
      workers.map(async (actor) => {
        const mine: string[] = [];
        for (;;) {
          const result = await claimNextTask({ db, actor });
          if (!result.ok) {
            expect(result.code).toBe("not-found:unclaimed-task");
            return mine;
          }
          mine.push(result.taskId);
        }
      }),
    );
    const all = claimedBy.flat();
    expect(all).toHaveLength(2000);
    expect(new Set(all).size).toBe(2000);
    // Work was shared, not done by one worker while the others waited.
    expect(claimedBy.filter((mine) => mine.length > 0).length).toBeGreaterThan(1);

    const perTask = await db
      .select({ taskId: caseEvents.taskId, claims: count() })
      .from(caseEvents)
      .where(and(inArray(caseEvents.taskId, ids), eq(caseEvents.kind, "task-claimed")))
      .groupBy(caseEvents.taskId);
    expect(perTask).toHaveLength(2000);
    expect(perTask.every((row) => row.claims === 1)).toBe(true);
    const [assigned] = await db.select({ count: count() }).from(tasks).where(and(inArray(tasks.id, ids), isNotNull(tasks.assigneeId)));
    expect(assigned.count).toBe(2000);
    // Every case's chain is still one line: claims of its two tasks never interleaved.
    const caseIds = await db.selectDistinct({ caseId: tasks.caseId }).from(tasks).where(inArray(tasks.id, ids));
    const broken = [];
    for (const { caseId } of caseIds) {
      const trail = await verifyCaseTrail({ db, caseId });
      if (!trail.ok || trail.length !== 3) broken.push(caseId);
    }
    expect(broken).toEqual([]);
    const [{ locks }] = await db.select({ locks: sql<number>`count(*)::int` }).from(sql`pg_locks`).where(sql`granted = false`);
    expect(locks).toBe(0);
  });
});
