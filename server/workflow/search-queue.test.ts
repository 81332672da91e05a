import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, services, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedUser } from "@/seed/factories";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import type { TActor } from "@/server/auth/actor";
import { backfillApplicantSearch } from "@/server/cases/backfill-applicant-search";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listQueue } from "./list-queue";
import type { TQueueFilters, TQueueSort, TQueueView } from "./queue-query";

// Monday 23 November 2026, 10:00 in Beijing.
const monday = new Date("2026-11-23T02:00:00Z");
const demoCompanyUscc = "91310104MA1FL8XQ36";
// As PostgreSQL orders dates as text, digits of microseconds padded alike, and uuids.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe.each(testDatabaseKinds)("searching and filtering the queue on %s", (kind) => {
  let world: TWorld;
  let police: TActor;
  /** One police task each: 张三 online, 李四 at the counter, 赵思芳 (also "zs"), the demo company (accepted). */
  let zhangSan: string, liSi: string, zhaoSiFang: string, company: string;
  /** 张三's task in the fire department's queue. */
  let fireTask: string;

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const db = world.db;
    police = await world.actorOf("clerk-police");
    await seedUser(db, { username: "zhao-sifang", role: "citizen", displayName: "赵思芳", residentIdNumber: "11010519491231002X" });
    const one = async (input: Omit<Parameters<typeof seedQueueTasks>[1], "departmentCode" | "count">) =>
      (await seedQueueTasks(db, { departmentCode: "POLICE", count: 1, ...input }))[0];
    zhangSan = await one({ applicant: "citizen", firstDueDate: "2026-12-01" });
    liSi = await one({ applicant: "citizen2", channel: "counter", firstDueDate: "2026-12-03" });
    zhaoSiFang = await one({ applicant: "zhao-sifang", firstDueDate: "2026-12-05" });
    company = await one({ applicant: "enterprise", companyUscc: demoCompanyUscc, status: "accepted", firstDueDate: "2026-12-07" });
    [fireTask] = await seedQueueTasks(db, { departmentCode: "FIRE", count: 1, applicant: "citizen", firstDueDate: "2026-12-01" });
    // 张三's task is for the residence permit; the others for the birth registration (the department's first service).
    const [permit] = await db.select({ id: services.id }).from(services).where(eq(services.code, "POLICE-RESIDENCE-PERMIT"));
    await db.update(tasks).set({ serviceId: permit.id }).where(eq(tasks.id, zhangSan));
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function find(filters: TQueueFilters, { actor = police, view = "all" as TQueueView, sort }: { actor?: TActor; view?: TQueueView; sort?: TQueueSort } = {}) {
    const page = await listQueue({ db: world.db, actor, view, filters, sort, now: monday });
    if (!page.ok) throw new Error(page.code);
    return page;
  }
  const ids = async (filters: TQueueFilters, options?: Parameters<typeof find>[1]) => (await find(filters, options)).rows.map((row) => row.id);

  it("finds an applicant by name, by full pinyin and by pinyin initials", async () => {
    expect(await ids({ q: "zs" })).toEqual([zhangSan, zhaoSiFang]);
    expect(await ids({ q: " ZS " })).toEqual([zhangSan, zhaoSiFang]);
    expect(await ids({ q: "张三" })).toEqual([zhangSan]);
    expect(await ids({ q: "三" })).toEqual([zhangSan]);
    expect(await ids({ q: "zhangsan" })).toEqual([zhangSan]);
    expect(await ids({ q: "zhang san" })).toEqual([zhangSan]);
    // Across the space between two words of the search text (the index's two-character pieces include it).
    expect(await ids({ q: "三 zh" })).toEqual([zhangSan]);
    expect(await ids({ q: "zsf" })).toEqual([zhaoSiFang]);
    expect(await ids({ q: "李四" })).toEqual([liSi]);
    // A company's case by the company's name, its initials, and the staff member who filed it.
    expect(await ids({ q: "一门餐饮" })).toEqual([company]);
    expect(await ids({ q: "ymcy" })).toEqual([company]);
    expect(await ids({ q: "王五" })).toEqual([company]);
    // LIKE's wildcards are taken literally.
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ q: "_" })).toEqual([]);
    expect(await ids({ q: "张%" })).toEqual([]);
  });

  it("shows each card with the applicant's name: the person's, or the company's", async () => {
    const page = await find({});
    const nameOf = (id: string) => page.rows.find((row) => row.id === id)?.applicantName;
    expect([nameOf(zhangSan), nameOf(liSi), nameOf(zhaoSiFang), nameOf(company)]).toEqual(["张三", "李四", "赵思芳", "上海一门餐饮管理有限公司"]);
    expect(page.rows.find((row) => row.id === liSi)?.channel).toBe("counter");
  });

  it("finds a case by its number and an applicant by the last four characters of an ID number or credit code", async () => {
    const [row] = await world.db.select({ number: cases.number }).from(cases).innerJoin(tasks, eq(tasks.caseId, cases.id)).where(eq(tasks.id, liSi));
    expect(await ids({ q: row.number })).toEqual([liSi]);
    expect(await ids({ q: row.number.toLowerCase() })).toEqual([liSi]);
    expect(await ids({ q: "4016" })).toEqual([zhangSan]);
    expect(await ids({ q: "002x" })).toEqual([zhaoSiFang]);
    expect(await ids({ q: "XQ36" })).toEqual([company]);
  });

  it("refuses to search by a whole ID number or credit code, and finds nothing with it", async () => {
    for (const whole of ["310104198803124016", demoCompanyUscc, "3101 0419 8803 1240 16"]) {
      const page = await find({ q: whole });
      expect(page.searchError, whole).toBe("invalid:search-whole-number");
      expect(page.rows).toEqual([]);
    }
    expect((await find({ q: "x".repeat(51) })).searchError).toBe("invalid:search-too-long");
    expect((await find({ q: "zs\u0000" })).searchError).toBe("invalid:text-control-character");
  });

  it("filters by service, status, due dates and channel, and the counts follow", async () => {
    expect(await ids({ service: "POLICE-RESIDENCE-PERMIT" })).toEqual([zhangSan]);
    expect(await ids({ status: "accepted" })).toEqual([company]);
    expect(await ids({ channel: "counter" })).toEqual([liSi]);
    expect(await ids({ dueFrom: "2026-12-02", dueTo: "2026-12-05" })).toEqual([liSi, zhaoSiFang]);
    expect(await ids({ q: "zs", dueFrom: "2026-12-02" })).toEqual([zhaoSiFang]);
    expect(await ids({ service: "POLICE-BIRTH-REG", channel: "online", status: "waiting" })).toEqual([zhaoSiFang]);
    const page = await find({ q: "zs" }, { view: "unclaimed" });
    expect(page.counts).toMatchObject({ unclaimed: 2, all: 2, mine: 0, done: 0 });
    // The accepted company case is unclaimed too (a seeded row), so without a search all four are counted.
    expect((await find({}, { view: "unclaimed" })).counts).toMatchObject({ unclaimed: 4, all: 4 });
  });

  it("sorts by due date either way and by submission", async () => {
    expect(await ids({}, { sort: "due" })).toEqual([zhangSan, liSi, zhaoSiFang, company]);
    expect(await ids({}, { sort: "due-desc" })).toEqual([company, zhaoSiFang, liSi, zhangSan]);
    const order = [liSi, company, zhangSan, zhaoSiFang];
    for (const [index, id] of order.entries()) {
      await world.db
        .update(cases)
        .set({ submittedAt: sql`timestamptz '2026-11-20 09:00:00+08' + ${index}::int * interval '1 microsecond'` })
        .where(inArray(cases.id, world.db.select({ id: tasks.caseId }).from(tasks).where(eq(tasks.id, id))));
    }
    expect(await ids({}, { sort: "oldest" })).toEqual(order);
    expect(await ids({}, { sort: "newest" })).toEqual([...order].reverse());
    // A sort the view does not offer is the view's default.
    expect((await find({}, { sort: "decided" })).sort).toBe("due");
  });

  it("never shows another department's task, whatever the search", async () => {
    for (const q of ["zs", "张三", "4016", ""]) {
      expect(await ids(q ? { q } : {})).not.toContain(fireTask);
    }
    expect(await ids({ q: "zs" }, { actor: await world.actorOf("clerk-fire") })).toEqual([fireTask]);
  });

  it("pages through the results under every sort with no task twice and none left out", async () => {
    const db = world.db;
    const many = await seedQueueTasks(db, { departmentCode: "POLICE", count: 37, dueDateSpread: 4, applicant: "zhao-sifang", firstDueDate: "2026-12-10" });
    // Submissions a few microseconds apart, many at the very same instant, so pages break inside equal keys.
    await db
      .update(cases)
      .set({ submittedAt: sql`timestamptz '2026-11-21 10:00:00+08' + (floor(random() * 5)::int * interval '1 microsecond')` })
      .where(inArray(cases.id, db.select({ id: tasks.caseId }).from(tasks).where(inArray(tasks.id, many))));
    const expectedCount = many.length + 2;
    for (const sort of ["due", "due-desc", "newest", "oldest"] as const) {
      const listed: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await listQueue({ db, actor: police, view: "all", filters: { q: "zs" }, sort, cursor, now: monday, pageSize: 7 });
        if (!page.ok) throw new Error(page.code);
        listed.push(...page.rows.map((row) => row.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor && pages < 20);
      expect(listed.length, sort).toBe(expectedCount);
      expect(new Set(listed).size, sort).toBe(expectedCount);
      // Each page continues where the last stopped: the whole list is in the sort's order.
      const rows = await db
        .select({ id: tasks.id, dueDate: tasks.dueDate, submitted: sql<string>`(extract(epoch from ${cases.submittedAt}) * 1000000)::bigint::text` })
        .from(tasks)
        .innerJoin(cases, eq(cases.id, tasks.caseId))
        .where(inArray(tasks.id, listed));
      const keyOf = new Map(rows.map((row) => [row.id, sort.startsWith("due") ? row.dueDate : row.submitted.padStart(20, "0")]));
      const expected = [...listed].sort((a, b) => {
        const byKey = compare(keyOf.get(a)!, keyOf.get(b)!) || compare(a, b);
        return sort === "due-desc" || sort === "newest" ? -byKey : byKey;
      });
      expect(listed, sort).toEqual(expected);
    }
  });

  it("makes cases stored before the search text findable once setup has filled it in", async () => {
    const db = world.db;
    await db
      .update(cases)
      .set({ applicantSearch: null })
      .where(inArray(cases.id, db.select({ id: tasks.caseId }).from(tasks).where(eq(tasks.id, zhangSan))));
    expect(await ids({ q: "zhangsan" })).toEqual([]);
    expect(await backfillApplicantSearch({ db })).toBe(1);
    expect(await ids({ q: "zhangsan" })).toEqual([zhangSan]);
    expect(await backfillApplicantSearch({ db })).toBe(0);
  });
});
