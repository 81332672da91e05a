import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { encodeCursor } from "@/lib/http/keyset-cursor";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import type { TActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listMyCases, type TMyCaseFilter } from "./list-my-cases";

describe.each(testDatabaseKinds)("the applicant's case list on %s", (kind) => {
  let world: TWorld;
  let applicant: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    await seedUser(world.db, { username: "many-cases", role: "citizen", displayName: "Many Cases" });
    // Seven cases written in one statement share one submitted_at: the id must break the tie, or pages skip rows.
    const taskIds = await seedQueueTasks(world.db, { departmentCode: "TAX", count: 7, applicant: "many-cases" });
    const concluded = (await world.db.select({ caseId: tasks.caseId }).from(tasks).where(inArray(tasks.id, taskIds.slice(0, 3)))).map((row) => row.caseId);
    await world.db.update(cases).set({ status: "concluded" }).where(inArray(cases.id, concluded));
    applicant = await world.actorOf("many-cases");
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function readAll(filter: TMyCaseFilter, pageSize: number) {
    const numbers: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const page: Awaited<ReturnType<typeof listMyCases>> = await listMyCases({ db: world.db, actor: applicant, filter, cursor, pageSize });
      expect(page.after).toBe(cursor);
      numbers.push(...page.cases.map((row) => row.number));
      if (!page.nextCursor) return numbers;
      cursor = page.nextCursor;
    }
    throw new Error("the pages never end");
  }

  it("reaches every case page by page, newest first, none twice, keeping the status filter", async () => {
    const first = await listMyCases({ db: world.db, actor: applicant, pageSize: 3 });
    expect(first.counts).toMatchObject({ all: 7, open: 4, concluded: 3 });
    expect(first.cases).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    for (const filter of ["all", "open", "concluded"] as const) {
      const paged = await readAll(filter, 3);
      expect(paged).toHaveLength(first.counts[filter]);
      expect(new Set(paged).size).toBe(paged.length);
      expect(paged).toEqual((await listMyCases({ db: world.db, actor: applicant, filter, pageSize: 100 })).cases.map((row) => row.number));
    }
    const concluded = new Set((await world.db.select({ number: cases.number }).from(cases).where(eq(cases.status, "concluded"))).map((row) => row.number));
    expect((await readAll("concluded", 2)).every((number) => concluded.has(number))).toBe(true);
  });

  it("shows the first page for a cursor that is not one of ours, or belongs to another filter", async () => {
    const firstPage = await listMyCases({ db: world.db, actor: applicant, filter: "open", pageSize: 2 });
    const ofAll = (await listMyCases({ db: world.db, actor: applicant, filter: "all", pageSize: 2 })).nextCursor;
    const bad = [
      "not a cursor",
      "eyJ", // cut
      encodeCursor({ filter: "open", key: "yesterday", id: "00000000-0000-4000-8000-000000000000" }),
      encodeCursor({ filter: "open", key: "1764800000000000", id: "'; drop table cases; --" }),
      ofAll,
    ];
    for (const cursor of bad) {
      const page = await listMyCases({ db: world.db, actor: applicant, filter: "open", cursor, pageSize: 2 });
      expect(page.after).toBeNull();
      expect(page.cases).toEqual(firstPage.cases);
    }
  });
});
