import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { caseEvents, outbox, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import type { TActor } from "@/server/auth/actor";
import { loadActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { assignTasks } from "./assign-tasks";
import { claimTask } from "./claim-task";
import { claimTasks } from "./claim-tasks";
import { ZTaskSelection, type TTaskSelection } from "./lock-task-batch";
import { previewTaskBatch } from "./preview-task-batch";

describe.each(testDatabaseKinds)("bulk claim and assignment on %s", (kind) => {
  let world: TWorld;
  let clerk: TActor;
  let colleague: TActor;
  let outsider: TActor;

  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
    clerk = await world.actorOf("clerk-medins");
    colleague = (await loadActor(world.db, (await seedUser(world.db, { username: "medins-2", role: "clerk", displayName: "孙医保", departmentCode: "MEDINS" })).id))!;
    outsider = await world.actorOf("clerk-fire");
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** Fresh unclaimed tasks of MEDINS (and one of FIRE) for each test. */
  let mine: string[];
  let foreign: string;
  beforeEach(async () => {
    mine = await seedQueueTasks(world.db, { departmentCode: "MEDINS", count: 3, firstDueDate: "2026-12-01" });
    [foreign] = await seedQueueTasks(world.db, { departmentCode: "FIRE", count: 1, firstDueDate: "2026-12-01" });
  });

  async function state(ids: string[]) {
    const rows = await world.db.select({ id: tasks.id, assigneeId: tasks.assigneeId, version: tasks.version }).from(tasks).where(inArray(tasks.id, ids));
    return new Map(rows.map((row) => [row.id, { assigneeId: row.assigneeId, version: row.version }]));
  }
  async function seen(ids: string[]): Promise<TTaskSelection[]> {
    const now = await state(ids);
    return ids.map((taskId) => ({ taskId, version: now.get(taskId)!.version }));
  }
  async function eventsOf(ids: string[]) {
    return world.db.select({ kind: caseEvents.kind, taskId: caseEvents.taskId }).from(caseEvents).where(inArray(caseEvents.taskId, ids));
  }

  it("claims every selected task in one go", async () => {
    const selection = await seen(mine.slice(0, 2));
    expect(await claimTasks({ db: world.db, actor: clerk, selection })).toEqual({ ok: true, claimed: 2 });
    const after = await state(mine);
    expect(after.get(mine[0])).toEqual({ assigneeId: clerk.id, version: 2 });
    expect(after.get(mine[1])).toEqual({ assigneeId: clerk.id, version: 2 });
    expect(after.get(mine[2])).toEqual({ assigneeId: null, version: 1 });
    expect((await eventsOf(mine)).map((event) => event.kind)).toEqual(["task-claimed", "task-claimed"]);
  });

  it("refuses the whole claim when one task is another department's, changed, or claimed meanwhile", async () => {
    const before = await state([...mine, foreign]);
    const refusals: [string, TTaskSelection[], string][] = [
      ["another department's task", [...(await seen(mine)), { taskId: foreign, version: 1 }], "forbidden:task"],
      ["a task that does not exist", [...(await seen(mine)), { taskId: "00000000-0000-4000-8000-000000000000", version: 1 }], "forbidden:task"],
      ["a version not seen", [...(await seen(mine.slice(0, 2))), { taskId: mine[2], version: 7 }], "conflict:task-changed"],
    ];
    for (const [why, selection, code] of refusals) {
      expect(await claimTasks({ db: world.db, actor: clerk, selection }), why).toMatchObject({ ok: false, code });
    }
    expect(await claimTasks({ db: world.db, actor: outsider, selection: await seen(mine) })).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await state([...mine, foreign])).toEqual(before);
    expect(await eventsOf([...mine, foreign])).toEqual([]);

    // A colleague claims one after the clerk saw the queue: the batch as the clerk saw it is refused whole.
    const shown = await seen(mine);
    expect(await claimTask({ db: world.db, actor: colleague, taskId: mine[1] })).toMatchObject({ ok: true });
    expect(await claimTasks({ db: world.db, actor: clerk, selection: shown })).toMatchObject({ ok: false, code: "conflict:task-changed" });
    // Even with the current versions, a task someone holds is not claimed again.
    expect(await claimTasks({ db: world.db, actor: clerk, selection: await seen(mine) })).toMatchObject({ ok: false, code: "conflict:task-already-claimed" });
    const after = await state(mine);
    expect([after.get(mine[0])!.assigneeId, after.get(mine[1])!.assigneeId, after.get(mine[2])!.assigneeId]).toEqual([null, colleague.id, null]);
  });

  it("assigns every selected task to a colleague, who is told of each", async () => {
    expect(await claimTask({ db: world.db, actor: clerk, taskId: mine[0] })).toMatchObject({ ok: true });
    // One the clerk holds and one nobody holds.
    const selection = await seen(mine.slice(0, 2));
    expect(await assignTasks({ db: world.db, actor: clerk, selection, colleagueId: colleague.id })).toEqual({ ok: true, assigned: 2 });
    const after = await state(mine);
    expect([after.get(mine[0])!.assigneeId, after.get(mine[1])!.assigneeId, after.get(mine[2])!.assigneeId]).toEqual([colleague.id, colleague.id, null]);
    const told = await world.db.select().from(outbox).where(and(eq(outbox.recipientId, colleague.id), eq(outbox.topic, "task-assigned")));
    expect(told).toHaveLength(2);
  });

  it("refuses the whole assignment to someone outside the department, or of a task someone else holds", async () => {
    expect(await claimTask({ db: world.db, actor: colleague, taskId: mine[2] })).toMatchObject({ ok: true });
    const before = await state([...mine, foreign]);
    const outbound = await world.db.select({ id: outbox.id }).from(outbox);
    const refusals: [string, Parameters<typeof assignTasks>[0], string][] = [
      ["a clerk of another department", { db: world.db, actor: clerk, selection: await seen(mine.slice(0, 2)), colleagueId: outsider.id }, "invalid:colleague"],
      ["the clerk themself", { db: world.db, actor: clerk, selection: await seen(mine.slice(0, 2)), colleagueId: clerk.id }, "invalid:colleague"],
      ["an applicant", { db: world.db, actor: clerk, selection: await seen(mine.slice(0, 2)), colleagueId: (await world.actorOf("citizen")).id }, "invalid:colleague"],
      ["another department's task", { db: world.db, actor: clerk, selection: [...(await seen(mine.slice(0, 2))), { taskId: foreign, version: 1 }], colleagueId: colleague.id }, "forbidden:task"],
      ["a task a colleague holds", { db: world.db, actor: clerk, selection: await seen(mine), colleagueId: (await seedAnother()).id }, "conflict:task-already-claimed"],
    ];
    for (const [why, options, code] of refusals) {
      expect(await assignTasks(options), why).toMatchObject({ ok: false, code });
    }
    expect(await state([...mine, foreign])).toEqual(before);
    expect(await world.db.select({ id: outbox.id }).from(outbox)).toEqual(outbound);
  });

  let another: TActor | undefined;
  async function seedAnother() {
    another ??= (await loadActor(world.db, (await seedUser(world.db, { username: "medins-3", role: "clerk", displayName: "钱医保", departmentCode: "MEDINS" })).id))!;
    return another;
  }

  it("previews a batch as it is now, and refuses one naming another department's task without showing it", async () => {
    const shown = await seen(mine);
    expect(await claimTask({ db: world.db, actor: colleague, taskId: mine[1] })).toMatchObject({ ok: true });
    const preview = await previewTaskBatch({ db: world.db, actor: clerk, action: "claim", selection: shown });
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.problem).toBe("conflict:task-changed");
    expect(preview.rows.find((row) => row.id === mine[1])).toMatchObject({ problem: "conflict:task-changed", assigneeName: "孙医保", applicantName: "张三" });
    expect(preview.rows.filter((row) => row.problem === null)).toHaveLength(2);

    const assign = await previewTaskBatch({ db: world.db, actor: clerk, action: "assign", selection: await seen([mine[0]]), colleagueId: colleague.id });
    expect(assign).toMatchObject({ ok: true, problem: null, colleague: { id: colleague.id, displayName: "孙医保" } });
    expect(await previewTaskBatch({ db: world.db, actor: clerk, action: "assign", selection: await seen([mine[0]]), colleagueId: outsider.id })).toMatchObject({
      ok: true,
      problem: "invalid:colleague",
    });
    expect(await previewTaskBatch({ db: world.db, actor: clerk, action: "claim", selection: [...(await seen([mine[0]])), { taskId: foreign, version: 1 }] })).toEqual({
      ok: false,
      code: "forbidden:task",
    });
  });

  it("lets one of two overlapping bulk claims win, whole, without a deadlock", async () => {
    const other = await seedAnother();
    const first = await seen(mine);
    const second = await seen([...mine].reverse());
    const results = await Promise.all([
      claimTasks({ db: world.db, actor: clerk, selection: first }),
      claimTasks({ db: world.db, actor: other, selection: second }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const winner = results[0].ok ? clerk : other;
    const after = await state(mine);
    expect(mine.map((id) => after.get(id)!.assigneeId)).toEqual([winner.id, winner.id, winner.id]);
  });

  it("reads a selection from a form: id and version, none twice, at most 50", () => {
    const id = "5b0e8a52-3f1e-4c57-9d7a-0c6f2a9e1b11";
    expect(ZTaskSelection.parse(`${id}.3`)).toEqual([{ taskId: id, version: 3 }]);
    for (const bad of [undefined, [], "x", `${id}.0`, `${id}`, `${id}.1;drop`, [`${id}.1`, `${id}.2`], Array.from({ length: 51 }, (_, n) => `${id.slice(0, -2)}${String(n).padStart(2, "0")}.1`)]) {
      expect(ZTaskSelection.safeParse(bad).success, JSON.stringify(bad)?.slice(0, 60)).toBe(false);
    }
  });
});
