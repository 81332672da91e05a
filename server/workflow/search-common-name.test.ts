/**
 * A name in nearly every case (a company's "上海…") is searched by walking the queue in its own order and testing each
 * case's text, not by fetching every match from the bigram index: the same page and capped counts as a rare name
 * gives, on both databases. (At a million cases the index way took 9–11 s for "上海": docs/BENCHMARKS.md.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import type { TActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { DONE_COUNT_CAP, listQueue } from "./list-queue";
import { COMMON_NAME_CASES, isCommonName } from "./queue-query";

const demoCompanyUscc = "91310104MA1FL8XQ36";

describe.each(testDatabaseKinds)("a common name in the queue's search on %s", (kind) => {
  let world: TWorld;
  let police: TActor;
  let companyTasks: Set<string>;

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    police = await world.actorOf("clerk-police");
    // More of the demo company's cases (上海一门餐饮管理有限公司) than a name may match before it counts as common.
    const ids = await seedQueueTasks(world.db, { departmentCode: "POLICE", count: COMMON_NAME_CASES + 50, applicant: "enterprise", companyUscc: demoCompanyUscc, firstDueDate: "2026-12-01" });
    companyTasks = new Set(ids);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("tells a common name from a rare one", async () => {
    expect(await isCommonName(world.db, ["上海"])).toBe(true);
    expect(await isCommonName(world.db, ["张三"])).toBe(false);
  });

  it("gives a page of the company's tasks in the view's order, the next page, and counts capped as without a search", async () => {
    const first = await listQueue({ db: world.db, actor: police, view: "unclaimed", filters: { q: "上海" } });
    if (!first.ok) throw new Error(first.code);
    expect(first.rows).toHaveLength(20);
    expect(first.rows.every((row) => companyTasks.has(row.id) && row.applicantName.includes("上海"))).toBe(true);
    const dueDates = first.rows.map((row) => row.dueDate);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(first.counts.unclaimed).toBe(DONE_COUNT_CAP);
    expect(first.counts.all).toBe(DONE_COUNT_CAP);
    expect(first.counts.mine).toBe(0);
    const second = await listQueue({ db: world.db, actor: police, view: "unclaimed", filters: { q: "上海" }, cursor: first.nextCursor! });
    if (!second.ok) throw new Error(second.code);
    expect(second.rows).toHaveLength(20);
    expect(second.rows.some((row) => first.rows.some((seen) => seen.id === row.id))).toBe(false);
    expect(second.rows[0].dueDate >= dueDates.at(-1)!).toBe(true);
  });
});
