/**
 * The reasons a clerk or an applicant types into the workflow (a refusal's or a rejection's reason, a withdrawal's,
 * an extension's), on both databases: a NUL or another control character is refused with its own code and changes
 * nothing (a NUL was a database error, a 500), and bidi controls are removed from what is stored and shown.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, tasks } from "@/db/schema";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { requestExtension } from "./request-extension";
import { decideTask } from "./decide-task";
import { withdrawCase } from "./withdraw-case";
import { currentTaskVersion } from "@/server/testing/current-task-version";

describe.each(testDatabaseKinds)("typed reasons in the workflow on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  const taskOf = async (taskId: string) => (await world.db.select().from(tasks).where(eq(tasks.id, taskId)))[0];
  const eventsOf = async (caseId: string) => world.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  /** An AMR task of a fresh case of `citizen`, claimed by clerk-amr (and accepted when asked). */
  async function claimedTask(options: { accept?: boolean } = {}) {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1 });
    const clerk = await world.actorOf("clerk-amr");
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    if (options.accept) expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    return { clerk, task: await taskOf(taskId) };
  }

  it("refuses a refusal's reason with a control character and changes nothing; keeps one without its bidi controls", async () => {
    const { clerk, task } = await claimedTask();
    const events = await eventsOf(task.caseId);
    for (const [name, reason] of refusedTexts) {
      expect(await decideTask({ db: world.db, actor: clerk, taskId: task.id, action: "refuse", reason, expectedVersion: task.version }), name).toEqual({
        ok: false,
        code: "invalid:text-control-character",
      });
    }
    expect(await taskOf(task.id)).toEqual(task);
    expect(await eventsOf(task.caseId)).toHaveLength(events.length);

    expect(await decideTask({ db: world.db, actor: clerk, taskId: task.id, action: "refuse", reason: bidiText.sent, expectedVersion: task.version })).toMatchObject({ ok: true });
    expect(await taskOf(task.id)).toMatchObject({ status: "refused", reason: bidiText.stored });
    expect((await eventsOf(task.caseId)).find((event) => event.kind === "task-refused")?.data).toMatchObject({ reason: bidiText.stored });
  });

  it("refuses a rejection's reason with a control character", async () => {
    const { clerk, task } = await claimedTask({ accept: true });
    for (const [name, reason] of refusedTexts) {
      expect(await decideTask({ db: world.db, actor: clerk, taskId: task.id, action: "reject", reason, expectedVersion: await currentTaskVersion(world.db, task.id) }), name).toEqual({ ok: false, code: "invalid:text-control-character" });
    }
    expect(await taskOf(task.id)).toEqual(task);
  });

  it("refuses a withdrawal's reason with a control character and withdraws nothing", async () => {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "AMR", count: 1 });
    const before = await taskOf(taskId);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, before.caseId));
    const citizen = await world.actorOf("citizen");
    for (const [name, reason] of refusedTexts) {
      expect(await withdrawCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, reason }), name).toEqual({ ok: false, code: "invalid:text-control-character" });
    }
    expect(await taskOf(taskId)).toEqual(before);

    expect(await withdrawCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, reason: bidiText.sent })).toEqual({ ok: true, withdrawn: 1 });
    expect((await eventsOf(caseRow.id)).find((event) => event.kind === "task-withdrawn")?.data).toMatchObject({ reason: bidiText.stored });
  });

  it("refuses an extension's reason with a control character and asks nothing", async () => {
    const { clerk, task } = await claimedTask({ accept: true });
    for (const [name, reason] of refusedTexts) {
      expect(await requestExtension({ db: world.db, actor: clerk, taskId: task.id, expectedVersion: task.version, days: 5, reason }), name).toEqual({
        ok: false,
        code: "invalid:text-control-character",
      });
    }
    expect(await taskOf(task.id)).toEqual(task);

    expect(await requestExtension({ db: world.db, actor: clerk, taskId: task.id, expectedVersion: task.version, days: 5, reason: bidiText.sent })).toMatchObject({ ok: true });
    expect(await taskOf(task.id)).toMatchObject({ extensionStatus: "requested", extensionReason: bidiText.stored });
  });
});
