import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, outbox, services, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { loadActor, type TActor } from "@/server/auth/actor";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import type { TErrorCode } from "@/server/errors";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { assignTask, listColleagues } from "./assign-task";
import { claimTask } from "./claim-task";

describe.each(testDatabaseKinds)("assign a task on %s", (kind) => {
  let world: TWorld;
  let clerk: TActor;
  let colleague: TActor;
  let third: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    clerk = await world.actorOf("clerk-amr");
    const clerkOf = async (username: string, displayName: string) =>
      (await loadActor(world.db, (await seedUser(world.db, { username, role: "clerk", displayName, departmentCode: "AMR" })).id))!;
    colleague = await clerkOf("amr-colleague", "何敏");
    third = await clerkOf("amr-third", "吕洋");
  });
  afterAll(async () => {
    await world?.drop();
  });

  const newTask = async () => (await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1 }))[0];
  /** Everything an assignment may change: the task, its case's trail, the outbox. */
  const snapshot = async (taskId: string) => {
    const [task] = await world.db.select().from(tasks).where(eq(tasks.id, taskId));
    const events = await world.db.select({ id: caseEvents.id }).from(caseEvents).where(eq(caseEvents.caseId, task.caseId));
    const messages = await world.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.caseId, task.caseId));
    return { task, events: events.length, messages: messages.length };
  };

  it("hands an unclaimed task to a colleague, tells them, and records it on the trail", async () => {
    const taskId = await newTask();
    expect(await assignTask({ db: world.db, actor: clerk, taskId, colleagueId: colleague.id, expectedVersion: 1 })).toEqual({ ok: true, version: 2 });
    const { task } = await snapshot(taskId);
    expect(task.assigneeId).toBe(colleague.id);
    expect(task.claimedAt).not.toBeNull();
    const [event] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, taskId), eq(caseEvents.kind, "task-assigned")));
    expect(event).toMatchObject({ actorId: clerk.id, public: false, data: { assigneeId: colleague.id } });
    expect(await verifyCaseTrail({ db: world.db, caseId: task.caseId })).toMatchObject({ ok: true, length: 2 });

    const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, task.caseId));
    const [service] = await world.db.select().from(services).where(eq(services.id, task.serviceId));
    const messages = await world.db.select().from(outbox).where(eq(outbox.caseId, task.caseId));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      recipientId: colleague.id,
      topic: "task-assigned",
      params: { caseNumber: caseRow.number, service: service.name },
      link: `/desk/tasks/${taskId}`,
    });
  });

  it("hands the clerk's own task on, and the colleague may hand it on again", async () => {
    const taskId = await newTask();
    const claimed = await claimTask({ db: world.db, actor: clerk, taskId });
    if (!claimed.ok) throw new Error(claimed.code);
    const first = await assignTask({ db: world.db, actor: clerk, taskId, colleagueId: colleague.id, expectedVersion: claimed.version });
    expect(first).toEqual({ ok: true, version: claimed.version + 1 });
    expect(await assignTask({ db: world.db, actor: colleague, taskId, colleagueId: third.id, expectedVersion: claimed.version + 1 })).toMatchObject({ ok: true });
    expect((await snapshot(taskId)).task.assigneeId).toBe(third.id);
  });

  it("refuses the wrong people, the wrong colleague and a stale version, and changes nothing", async () => {
    const taskId = await newTask();
    const before = await snapshot(taskId);
    const fireClerk = await world.actorOf("clerk-fire");
    const attempts: [actor: TActor, colleagueId: string, version: number, code: TErrorCode][] = [
      [fireClerk, colleague.id, 1, "forbidden:task"],
      [await world.actorOf("supervisor"), colleague.id, 1, "forbidden:role"],
      [await world.actorOf("enterprise"), colleague.id, 1, "forbidden:role"],
      // A clerk of another department, people who are not clerks, oneself, nobody.
      [clerk, fireClerk.id, 1, "invalid:colleague"],
      [clerk, (await world.actorOf("supervisor")).id, 1, "invalid:colleague"],
      [clerk, (await world.actorOf("citizen")).id, 1, "invalid:colleague"],
      [clerk, clerk.id, 1, "invalid:colleague"],
      [clerk, "00000000-0000-4000-8000-000000000000", 1, "invalid:colleague"],
      [clerk, colleague.id, 2, "conflict:task-changed"],
      [clerk, colleague.id, 0, "conflict:task-changed"],
    ];
    for (const [actor, colleagueId, expectedVersion, code] of attempts) {
      expect(await assignTask({ db: world.db, actor, taskId, colleagueId, expectedVersion }), `${actor.username} → ${colleagueId}`).toEqual({ ok: false, code });
    }
    expect(await snapshot(taskId)).toEqual(before);
  });

  it("leaves a task another clerk holds with them, and refuses pending and concluded tasks", async () => {
    const held = await newTask();
    const claimed = await claimTask({ db: world.db, actor: third, taskId: held });
    if (!claimed.ok) throw new Error(claimed.code);
    const before = await snapshot(held);
    expect(await assignTask({ db: world.db, actor: clerk, taskId: held, colleagueId: colleague.id, expectedVersion: claimed.version })).toEqual({
      ok: false,
      code: "conflict:task-already-claimed",
    });
    expect(await snapshot(held)).toEqual(before);

    const [pending] = await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1, status: "pending" });
    const [concluded] = await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1, status: "withdrawn" });
    for (const taskId of [pending, concluded]) {
      const unchanged = await snapshot(taskId);
      expect(await assignTask({ db: world.db, actor: clerk, taskId, colleagueId: colleague.id, expectedVersion: 1 })).toEqual({
        ok: false,
        code: "conflict:transition-not-allowed",
      });
      expect(await snapshot(taskId)).toEqual(unchanged);
    }
  });

  it("lists the other clerks of the department as the colleagues to choose from", async () => {
    const colleagues = await listColleagues({ db: world.db, actor: clerk });
    expect(colleagues.map((person) => person.id).sort()).toEqual([colleague.id, third.id].sort());
    expect(await listColleagues({ db: world.db, actor: await world.actorOf("supervisor") })).toEqual([]);
  });
});
