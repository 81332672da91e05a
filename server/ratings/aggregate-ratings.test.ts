/**
 * The public statistics on both databases, from a known set of ratings: per department (every department that
 * handled a rated case), per service or bundle applied for, and for all ratings together.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, departments, ratingDays, ratings, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { submitApplication } from "@/server/intake/submit-application";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { decideTask } from "@/server/workflow/decide-task";
import { aggregateRatings } from "./aggregate-ratings";
import { rateCase } from "./rate-case";
import { currentTaskVersion } from "@/server/testing/current-task-version";

describe.each(testDatabaseKinds)("rating statistics on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function submit(username: string, subjectCode: string, rawAnswers: Record<string, unknown>) {
    const result = await submitApplication({ db: world.db, actor: await world.actorOf(username), subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online" });
    if (!result.ok) throw new Error(result.code);
    return (await world.db.select().from(cases).where(eq(cases.number, result.caseNumber)))[0];
  }
  /** A restaurant without an outside sign: food (AMR) and fire (FIRE) approve. */
  async function concludedRestaurant() {
    const caseRow = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers({ hasOutdoorSign: "no" }));
    const rows = await world.db.select({ id: tasks.id, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseRow.id));
    for (const row of rows) {
      const clerk = await world.actorOf(`clerk-${row.code.toLowerCase()}`);
      await claimTask({ db: world.db, actor: clerk, taskId: row.id });
      await decideTask({ db: world.db, actor: clerk, taskId: row.id, action: "accept", expectedVersion: await currentTaskVersion(world.db, row.id) });
      await decideTask({ db: world.db, actor: clerk, taskId: row.id, action: "approve", expectedVersion: await currentTaskVersion(world.db, row.id) });
    }
    return caseRow;
  }
  async function rate(username: string, caseNumber: string, levels: [number, number, number, number]) {
    const [overall, efficiency, guideAccuracy, convenience] = levels;
    const result = await rateCase({ db: world.db, actor: await world.actorOf(username), caseNumber, overall, efficiency, guideAccuracy, convenience });
    expect(result).toMatchObject({ ok: true });
  }

  it("says nothing is rated yet", async () => {
    const statistics = await aggregateRatings({ db: world.db });
    expect(statistics.all).toEqual({
      count: 0,
      average: null,
      distribution: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 },
      subAverages: { efficiency: null, guideAccuracy: null, convenience: null },
      goodShare: null,
    });
    expect(statistics.departments).toEqual([]);
    expect(statistics.subjects).toEqual([]);
  });

  it("counts, averages and shares per department, per service and for all", async () => {
    // Three restaurants (AMR + FIRE) rated 5, 4 and 1; two instant proofs (HRSS, concluded at submit) rated 3 and 5.
    for (const levels of [
      [5, 5, 4, 5],
      [4, 3, 4, 4],
      [1, 1, 2, 1],
    ] as [number, number, number, number][]) {
      await rate("enterprise", (await concludedRestaurant()).number, levels);
    }
    for (const levels of [
      [3, 4, 3, 3],
      [5, 5, 5, 4],
    ] as [number, number, number, number][]) {
      await rate("citizen", (await submit("citizen", "HRSS-PROOF", proofAnswers())).number, levels);
    }
    // A case nobody rated counts nowhere.
    await concludedRestaurant();

    const statistics = await aggregateRatings({ db: world.db });
    expect(statistics.all).toEqual({
      count: 5,
      average: 18 / 5,
      distribution: { 5: 2, 4: 1, 3: 1, 2: 0, 1: 1 },
      subAverages: { efficiency: 18 / 5, guideAccuracy: 18 / 5, convenience: 17 / 5 },
      goodShare: 3 / 5,
    });
    const restaurant = {
      count: 3,
      average: 10 / 3,
      distribution: { 5: 1, 4: 1, 3: 0, 2: 0, 1: 1 },
      subAverages: { efficiency: 3, guideAccuracy: 10 / 3, convenience: 10 / 3 },
      goodShare: 2 / 3,
    };
    const proof = {
      count: 2,
      average: 4,
      distribution: { 5: 1, 4: 0, 3: 1, 2: 0, 1: 0 },
      subAverages: { efficiency: 4.5, guideAccuracy: 4, convenience: 3.5 },
      goodShare: 1 / 2,
    };
    const close = (value: typeof restaurant) => ({
      ...value,
      average: expect.closeTo(value.average, 10),
      subAverages: Object.fromEntries(Object.entries(value.subAverages).map(([key, average]) => [key, expect.closeTo(average, 10)])),
      goodShare: expect.closeTo(value.goodShare, 10),
    });
    expect(statistics.departments.map(({ code, name: _name, ...aggregate }) => ({ code, ...aggregate }))).toEqual([
      { code: "AMR", ...close(restaurant) },
      { code: "FIRE", ...close(restaurant) },
      { code: "HRSS", ...close(proof) },
    ]);
    expect(statistics.subjects.map(({ subjectType, code, name, ...aggregate }) => ({ subjectType, code, name: name["zh-Hans"], ...aggregate }))).toEqual([
      { subjectType: "bundle", code: "BUNDLE-RESTAURANT", name: "开办餐饮店一件事", ...close(restaurant) },
      { subjectType: "service", code: "HRSS-PROOF", name: "社会保险参保缴费证明", ...close(proof) },
    ]);
  });

  it("counts the same from the days kept once those days are past, and a day's rating given later", async () => {
    const today = await aggregateRatings({ db: world.db });
    // Everything rated three days ago: those days are closed, counted once into rating_days and read from there.
    await world.db.update(ratings).set({ createdAt: sql`${ratings.createdAt} - interval '3 days'` });
    const kept = await aggregateRatings({ db: world.db });
    expect((await world.db.select().from(ratingDays)).length).toBeGreaterThan(0);
    expect(kept).toEqual(today);
    // One more today (live) adds to the kept days.
    await rate("citizen", (await submit("citizen", "HRSS-PROOF", proofAnswers())).number, [5, 5, 5, 5]);
    const more = await aggregateRatings({ db: world.db });
    expect(more.all.count).toBe(today.all.count + 1);
    expect(more.all.distribution[5]).toBe(today.all.distribution[5] + 1);
    expect(more.departments.find((row) => row.code === "HRSS")!.count).toBe(today.departments.find((row) => row.code === "HRSS")!.count + 1);
  });
});
