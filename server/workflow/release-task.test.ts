import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { loadActor, type TActor } from "@/server/auth/actor";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimNextTask } from "./claim-next-task";
import { claimTask } from "./claim-task";
import { releaseTask } from "./release-task";

describe.each(testDatabaseKinds)("release a task on %s", (kind) => {
  let world: TWorld;
  let clerk: TActor;
  let colleague: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    clerk = await world.actorOf("clerk-police");
    const user = await seedUser(world.db, { username: "police-colleague", role: "clerk", displayName: "褚警官", departmentCode: "POLICE" });
    colleague = (await loadActor(world.db, user.id))!;
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** A POLICE task claimed by `clerk`. */
  async function claimedTask() {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "POLICE", count: 1 });
    const claimed = await claimTask({ db: world.db, actor: clerk, taskId });
    if (!claimed.ok) throw new Error(claimed.code);
    return { taskId, version: claimed.version };
  }
  const snapshot = async (taskId: string) => {
    const [task] = await world.db.select().from(tasks).where(eq(tasks.id, taskId));
    const events = await world.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, task.caseId));
    return { task, events: events.length };
  };

  it("gives the assignee's task back to the queue, on the trail, for anyone to claim next", async () => {
    const { taskId, version } = await claimedTask();
    expect(await releaseTask({ db: world.db, actor: clerk, taskId, expectedVersion: version })).toEqual({ ok: true, version: version + 1 });
    const { task } = await snapshot(taskId);
    expect(task).toMatchObject({ assigneeId: null, claimedAt: null, status: "waiting", version: version + 1 });
    const [event] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, taskId), eq(caseEvents.kind, "task-released")));
    expect(event).toMatchObject({ actorId: clerk.id, public: false });
    expect(await verifyCaseTrail({ db: world.db, caseId: task.caseId })).toMatchObject({ ok: true, length: 3 });
    expect(await claimNextTask({ db: world.db, actor: colleague })).toMatchObject({ ok: true, taskId });
  });

  it("refuses anyone but the assignee, a stale version and a concluded task, and changes nothing", async () => {
    const { taskId, version } = await claimedTask();
    const before = await snapshot(taskId);
    const attempts: [TActor, number, string][] = [
      [colleague, version, "conflict:task-not-claimed-by-you"],
      [await world.actorOf("clerk-amr"), version, "forbidden:task"],
      [await world.actorOf("supervisor"), version, "forbidden:role"],
      [await world.actorOf("citizen"), version, "forbidden:role"],
      [clerk, version - 1, "conflict:task-changed"],
      [clerk, version + 1, "conflict:task-changed"],
    ];
    for (const [actor, expectedVersion, code] of attempts) {
      expect(await releaseTask({ db: world.db, actor, taskId, expectedVersion })).toEqual({ ok: false, code });
    }
    expect(await snapshot(taskId)).toEqual(before);

    await world.db.update(tasks).set({ status: "approved", decidedAt: new Date() }).where(eq(tasks.id, taskId));
    const concluded = await snapshot(taskId);
    expect(await releaseTask({ db: world.db, actor: clerk, taskId, expectedVersion: version })).toEqual({ ok: false, code: "conflict:transition-not-allowed" });
    expect(await snapshot(taskId)).toEqual(concluded);
  });

  it("refuses a task nobody holds", async () => {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "POLICE", count: 1 });
    expect(await releaseTask({ db: world.db, actor: clerk, taskId, expectedVersion: 1 })).toEqual({ ok: false, code: "conflict:task-not-claimed-by-you" });
  });
});
