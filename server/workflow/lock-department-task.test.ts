import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services, tasks } from "@/db/schema";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { loadActor, type TActor } from "@/server/auth/actor";
import type { TErrorCode } from "@/server/errors";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { lockDepartmentTask, type TLockDepartmentTaskOptions, type TTaskExpectation } from "./lock-department-task";

describe.each(testDatabaseKinds)("lock a department's task on %s", (kind) => {
  let world: TWorld;
  let clerk: TActor;
  let colleague: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    clerk = await world.actorOf("clerk-env");
    const user = await seedUser(world.db, { username: "env-colleague", role: "clerk", displayName: "卫科员", departmentCode: "ENV" });
    colleague = (await loadActor(world.db, user.id))!;
  });
  afterAll(async () => {
    await world?.drop();
  });

  const lock = (options: TLockDepartmentTaskOptions) => world.db.transaction((tx) => lockDepartmentTask(tx, options));

  /** An ENV task, claimed by `clerk` when asked: its id and version. */
  async function envTask(claimed: boolean) {
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "ENV", count: 1 });
    if (!claimed) return { taskId, version: 1 };
    const result = await claimTask({ db: world.db, actor: clerk, taskId });
    if (!result.ok) throw new Error(result.code);
    return { taskId, version: result.version };
  }

  it("gives the holder their task with its case, the id as the database spells it", async () => {
    const { taskId, version } = await envTask(true);
    const locked = await lock({ actor: clerk, taskId: taskId.toUpperCase(), expect: { version, holder: "actor" } });
    expect(locked.ok).toBe(true);
    if (!locked.ok) return;
    expect(locked.task).toMatchObject({ id: taskId, version, assigneeId: clerk.id });
    expect(locked.caseRow.id).toBe(locked.task.caseId);
    const [service] = await world.db.select({ name: services.name }).from(services).where(eq(services.id, locked.task.serviceId));
    expect(locked.serviceName).toEqual(service.name);
  });

  it("refuses the wrong role, another department, a malformed id, a stale version and someone not holding the task", async () => {
    const { taskId, version } = await envTask(true);
    const holder = { version, holder: "actor" } as const;
    const attempts: [string, TLockDepartmentTaskOptions, TErrorCode][] = [
      ["a citizen", { actor: await world.actorOf("citizen"), taskId, expect: holder }, "forbidden:role"],
      ["a supervisor acting as a clerk", { actor: await world.actorOf("supervisor"), taskId, expect: holder }, "forbidden:role"],
      ["a clerk acting as a supervisor", { actor: clerk, taskId, by: "supervisor", expect: { version, holder: "anyone" } }, "forbidden:role"],
      ["a clerk of another department", { actor: await world.actorOf("clerk-tax"), taskId, expect: holder }, "forbidden:task"],
      ["a malformed id", { actor: clerk, taskId: `${taskId}'`, expect: holder }, "forbidden:task"],
      ["a task that does not exist", { actor: clerk, taskId: "00000000-0000-4000-8000-000000000000", expect: holder }, "forbidden:task"],
      ["an older version", { actor: clerk, taskId, expect: { version: version - 1, holder: "actor" } }, "conflict:task-changed"],
      ["a newer version", { actor: clerk, taskId, expect: { version: version + 1, holder: "actor" } }, "conflict:task-changed"],
      ["a colleague who does not hold it", { actor: colleague, taskId, expect: holder }, "conflict:task-not-claimed-by-you"],
      ["a colleague handing on another's task", { actor: colleague, taskId, expect: { version, holder: "actor-or-nobody" } }, "conflict:task-already-claimed"],
      ["a claim of a claimed task", { actor: colleague, taskId, expect: { holder: "nobody" } }, "conflict:task-already-claimed"],
    ];
    for (const [who, options, code] of attempts) {
      expect(await lock(options), who).toEqual({ ok: false, code });
    }
  });

  it("checks the version before the holder, and lets each expectation through when it is met", async () => {
    const unclaimed = await envTask(false);
    // A stale version says so even to someone who does not hold the task.
    expect(await lock({ actor: colleague, taskId: unclaimed.taskId, expect: { version: 2, holder: "actor" } })).toEqual({ ok: false, code: "conflict:task-changed" });
    const expectations: [TTaskExpectation, boolean][] = [
      [{ holder: "nobody" }, true],
      [{ version: 1, holder: "actor-or-nobody" }, true],
      [{ version: 1, holder: "anyone" }, true],
      [{ version: 1, holder: "actor" }, false],
    ];
    for (const [expectation, ok] of expectations) {
      expect((await lock({ actor: clerk, taskId: unclaimed.taskId, expect: expectation })).ok, JSON.stringify(expectation)).toBe(ok);
    }
  });

  it("lets a supervisor of every department take hold of any department's task", async () => {
    const { taskId, version } = await envTask(true);
    const locked = await lock({ actor: await world.actorOf("supervisor"), taskId, by: "supervisor", expect: { version, holder: "anyone" } });
    expect(locked).toMatchObject({ ok: true, task: { id: taskId } });
    const [row] = await world.db.select({ version: tasks.version }).from(tasks).where(eq(tasks.id, taskId));
    // Taking hold changes nothing by itself.
    expect(row.version).toBe(version);
  });
});
