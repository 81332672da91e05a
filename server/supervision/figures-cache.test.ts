/**
 * The figures are computed again as soon as anything they count has happened, and not before: a view of /statistics
 * or /supervise between two acts reads the kept figures.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tasks, urgings, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { FIGURES_TTL_MS, rememberFigures } from "./figures-cache";

describe.each(testDatabaseKinds)("kept figures on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("are computed again after a trail event or an urging, or once they are too old — and only then", async () => {
    let computed = 0;
    const read = (now = Date.now()) => rememberFigures({ db: world.db, key: "test", now, load: async () => (computed += 1) });
    const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);

    // A new case: its trail's first event.
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);

    // An urging sent, then answered (urgings leave no trail event of their own).
    const [supervisor] = await world.db.select().from(users).where(eq(users.username, "supervisor"));
    const [task] = await world.db.select().from(tasks).where(eq(tasks.id, submitted.taskOf("HRSS")));
    const [urging] = await world.db
      .insert(urgings)
      .values({ taskId: task.id, caseId: task.caseId, departmentId: task.departmentId, sentById: supervisor.id, message: "请尽快办理", deadline: "2099-01-01", sentAt: new Date(Date.now() + 1000) })
      .returning();
    expect(await read()).toBe(3);
    await world.db.update(urgings).set({ answer: "已办理", answeredById: supervisor.id, answeredAt: new Date() }).where(eq(urgings.id, urging.id));
    expect(await read()).toBe(4);
    expect(await read()).toBe(4);

    // Nothing happened, but the kept figures are older than their time to live.
    expect(await read(Date.now() + FIGURES_TTL_MS + 1)).toBe(5);
  });
});
