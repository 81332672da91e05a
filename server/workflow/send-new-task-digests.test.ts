import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { sendNewTaskDigests } from "./send-new-task-digests";

describe.each(testDatabaseKinds)("the new-task digest on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const newRestaurantCase = async () =>
    (await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers({ hasOutdoorSign: "no" }) })).taskOf;
  /** The digests the user has been sent, as the count each one carried. */
  async function digestsOf(username: string): Promise<number[]> {
    const rows = await world.db
      .select({ params: outbox.params })
      .from(outbox)
      .innerJoin(users, eq(users.id, outbox.recipientId))
      .where(and(eq(users.username, username), eq(outbox.topic, "new-tasks")))
      .orderBy(outbox.id);
    return rows.map((row) => Number(row.params.count));
  }
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 2, 0) + minutes * 60_000);

  it("counts a department's new tasks in one message, at most once per interval, and each task once", async () => {
    await newRestaurantCase();
    await newRestaurantCase();
    expect(await sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(0) })).toEqual({ departments: 2, tasks: 4 });
    expect(await digestsOf("clerk-amr")).toEqual([2]);
    expect(await digestsOf("clerk-fire")).toEqual([2]);
    const [digest] = await world.db.select({ link: outbox.link, caseId: outbox.caseId }).from(outbox).where(eq(outbox.topic, "new-tasks")).limit(1);
    expect(digest).toEqual({ link: "/desk", caseId: null });

    // A third case five minutes later waits for the interval to pass; nothing is counted twice.
    await newRestaurantCase();
    expect(await sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(5) })).toEqual({ departments: 0, tasks: 0 });
    expect(await sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(11) })).toEqual({ departments: 2, tasks: 2 });
    expect(await digestsOf("clerk-amr")).toEqual([2, 1]);
    expect(await sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(30) })).toEqual({ departments: 0, tasks: 0 });
  });

  it("does not count a task someone claimed before the digest went out", async () => {
    const taskOf = await newRestaurantCase();
    expect(await claimTask({ db: world.db, actor: await world.actorOf("clerk-amr"), taskId: taskOf("AMR") })).toMatchObject({ ok: true });
    const before = (await digestsOf("clerk-amr")).length;
    expect(await sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(60) })).toEqual({ departments: 1, tasks: 1 });
    expect(await digestsOf("clerk-amr")).toHaveLength(before);
    expect((await digestsOf("clerk-fire")).at(-1)).toBe(1);
  });

  it("sends one digest per department when two replicas run at once", async () => {
    await newRestaurantCase();
    const before = (await digestsOf("clerk-amr")).length;
    const results = await Promise.all([
      sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(120) }),
      sendNewTaskDigests({ db: world.db, intervalMinutes: 10, now: at(120) }),
    ]);
    expect(results.reduce((sum, result) => sum + result.tasks, 0)).toBe(2);
    expect(await digestsOf("clerk-amr")).toHaveLength(before + 1);
  });
});
