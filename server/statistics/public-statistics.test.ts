/**
 * The public statistics and 办件公示 on both databases, against a small world whose every number is computed by
 * hand below. 2025: January 6–10 and March have no holiday, so working days are the weekdays. Today is Thu 2025-03-20.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, companies, departments, ratings, services, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openDataTables } from "@/lib/statistics/open-data-fields";
import { proofAnswers } from "@/seed/sample-answers";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { buildOpenData } from "./build-open-data";
import { computePublicStatistics } from "./compute-public-statistics";
import { listConcludedCases } from "./list-concluded-cases";

const now = new Date("2025-03-20T12:00:00+08:00");
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(testDatabaseKinds)("public statistics on %s", (kind) => {
  let world: TWorld;
  const numbers: string[] = [];
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const db = world.db;
    const departmentOf = async (code: string) => (await db.select().from(departments).where(eq(departments.code, code)))[0].id;
    const [amr, fire] = [await departmentOf("AMR"), await departmentOf("FIRE")];
    const serviceOf = async (departmentId: string) => (await db.select().from(services).where(eq(services.departmentId, departmentId)))[0].id;
    const [amrService, fireService] = [await serviceOf(amr), await serviceOf(fire)];
    await db.update(users).set({ displayName: "李小明" }).where(eq(users.username, "citizen"));
    const [citizen] = await db.select().from(users).where(eq(users.username, "citizen"));
    // Five cases through the intake path; each one's own (instant, HRSS) task becomes a fixture task below.
    const caseIds: string[] = [];
    const firstTasks: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
      caseIds.push(submitted.caseId);
      numbers.push(submitted.caseNumber);
      firstTasks.push(submitted.taskOf("HRSS"));
    }
    type TFixture = Partial<typeof tasks.$inferInsert> & { dueDate: string };
    const amrTask = (values: TFixture) => ({ serviceId: amrService, departmentId: amr, legalDueDate: values.dueDate, ...values });
    const fireTask = (values: TFixture) => ({ serviceId: fireService, departmentId: fire, legalDueDate: values.dueDate, ...values });
    const fixture = (index: number, values: Partial<typeof tasks.$inferInsert>) => db.update(tasks).set(values).where(eq(tasks.id, firstTasks[index]));
    const concluded = (index: number, status: "concluded" | "withdrawn" | "in-progress", day: string | null) =>
      db.update(cases).set({ status, concludedAt: day ? at(day) : null }).where(eq(cases.id, caseIds[index]));
    // case 0: AMR approved 03-07 (due 03-10), 4 working days.
    await fixture(0, amrTask({ status: "approved", readyOn: "2025-03-03", decidedAt: at("2025-03-07"), dueDate: "2025-03-10" }));
    await concluded(0, "concluded", "2025-03-07");
    // case 1, a company's: AMR rejected 01-10 (due 01-08, late), 4 working days.
    await fixture(1, amrTask({ status: "rejected", readyOn: "2025-01-06", decidedAt: at("2025-01-10"), dueDate: "2025-01-08" }));
    await concluded(1, "concluded", "2025-01-10");
    const [company] = await db.insert(companies).values({ name: "上海味道餐饮管理有限公司", uscc: "91310000MA1FL8XQ30", legalRepresentative: "王五", registeredAddress: "上海市黄浦区", regionCode: "310101" }).returning();
    await db.update(cases).set({ companyId: company.id, applicantType: "legal" }).where(eq(cases.id, caseIds[1]));
    // case 2, a bundle-like case of two departments: FIRE refused 03-18 (1 day), AMR approved 03-19 (2 days), both on time.
    await fixture(2, fireTask({ status: "refused", readyOn: "2025-03-17", decidedAt: at("2025-03-18"), dueDate: "2025-03-20" }));
    await db.insert(tasks).values({ caseId: caseIds[2], ...amrTask({ status: "approved", readyOn: "2025-03-17", decidedAt: at("2025-03-19"), dueDate: "2025-03-21" }) });
    await concluded(2, "concluded", "2025-03-19");
    // case 3: withdrawn at AMR 03-11; case 4: still at AMR, not concluded, never published.
    await fixture(3, amrTask({ status: "withdrawn", readyOn: "2025-03-10", decidedAt: at("2025-03-11"), dueDate: "2025-03-20" }));
    await concluded(3, "withdrawn", "2025-03-11");
    await fixture(4, amrTask({ status: "accepted", readyOn: "2025-03-18", decidedAt: null, dueDate: "2025-03-25" }));
    await concluded(4, "in-progress", null);
    const rate = (index: number, overall: number, day: string) =>
      db.insert(ratings).values({ caseId: caseIds[index], ratedById: citizen.id, overall, efficiency: overall, guideAccuracy: overall, convenience: overall, createdAt: at(day) });
    await rate(0, 5, "2025-03-08");
    await rate(1, 2, "2025-01-12");
    await rate(2, 4, "2025-03-19");
  });
  afterAll(async () => {
    await world?.drop();
  });

  // AMR, March: received cases 0, 2, 3, 4 = 4; concluded 0 and 2 (approved), 4 and 2 days, both on time; case 3
  // withdrawn. Ratings in March of cases AMR handled: 5 and 4. The year adds case 1: received 5, concluded 3 (one
  // rejected, late, 4 days): on time 2 of 3, average (4 + 2 + 4) / 3; ratings 5, 4, 2: average 11/3, satisfied 2 of 3.
  const amrMonth = { received: 4, concluded: 2, approved: 2, refused: 0, rejected: 0, withdrawn: 1, onTimeRate: 1, averageDays: 3, ratings: 2, ratingAverage: 4.5, satisfiedShare: 1 };
  const amrYear = { received: 5, concluded: 3, approved: 2, refused: 0, rejected: 1, withdrawn: 1, ratings: 3 };
  // FIRE, March and the year alike: case 2 received, refused in 1 working day, on time; its rating 4.
  const fireFigures = { received: 1, concluded: 1, approved: 0, refused: 1, rejected: 0, withdrawn: 0, onTimeRate: 1, averageDays: 1, p90Days: 1, ratings: 1, ratingAverage: 4, satisfiedShare: 1 };

  it("publishes each department's figures this month and this year, as the dashboard defines them", async () => {
    const statistics = await computePublicStatistics({ db: world.db, group: "department", now });
    expect(statistics.periods).toEqual({ month: { from: "2025-03-01", to: "2025-03-31" }, year: { from: "2025-01-01", to: "2025-12-31" } });
    expect(statistics.rows.map((row) => row.departmentCode)).toEqual(["AMR", "FIRE"]);
    const [amr, fire] = statistics.rows;
    expect(amr.serviceCode).toBeNull();
    expect(amr.figures.month).toMatchObject(amrMonth);
    expect(amr.figures.year).toMatchObject(amrYear);
    expect(amr.figures.year.onTimeRate).toBeCloseTo(2 / 3, 6);
    expect(amr.figures.year.averageDays).toBeCloseTo(10 / 3, 6);
    expect(amr.figures.year.ratingAverage).toBeCloseTo(11 / 3, 6);
    expect(amr.figures.year.satisfiedShare).toBeCloseTo(2 / 3, 6);
    expect(fire.figures.month).toMatchObject(fireFigures);
    expect(fire.figures.year).toMatchObject(fireFigures);
    // Nothing internal is published: overdue work, cards, follow-ups stay on /supervise.
    expect(Object.keys(amr.figures.year)).not.toContain("overdueNow");
  });

  it("publishes the same per service, with its code and its department", async () => {
    const statistics = await computePublicStatistics({ db: world.db, group: "service", now });
    expect(statistics.rows.map((row) => row.departmentCode)).toEqual(["AMR", "FIRE"]);
    expect(statistics.rows[0].serviceCode).toMatch(/^AMR-/);
    expect(statistics.rows[0].figures.month).toMatchObject(amrMonth);
    expect(statistics.rows[1].figures.year).toMatchObject(fireFigures);
  });

  it("lists only concluded cases, newest first, masked, with their result in one word, in keyset pages", async () => {
    const first = await listConcludedCases({ db: world.db, pageSize: 2 });
    expect(first.cases).toEqual([
      { number: numbers[2], subjectType: "service", subjectCode: "HRSS-PROOF", subjectName: expect.objectContaining({ "zh-Hans": "社会保险参保缴费证明" }), applicantKind: "person", applicant: "李**", result: "partly-approved", concludedOn: "2025-03-19" },
      { number: numbers[3], subjectType: "service", subjectCode: "HRSS-PROOF", subjectName: expect.anything(), applicantKind: "person", applicant: "李**", result: "withdrawn", concludedOn: "2025-03-11" },
    ]);
    const second = await listConcludedCases({ db: world.db, pageSize: 2, cursor: first.nextCursor });
    expect(second.cases.map((row) => [row.number, row.applicant, row.result, row.concludedOn])).toEqual([
      [numbers[0], "李**", "approved", "2025-03-07"],
      [numbers[1], "上海**餐饮管理有限公司", "rejected", "2025-01-10"],
    ]);
    expect(second.nextCursor).toBeNull();
    // No full name, no company name, no ID number anywhere in what is published.
    const published = JSON.stringify([first, second]);
    for (const secret of ["李小明", "上海味道", "91310000MA1FL8XQ30", "310104198803124016"]) expect(published).not.toContain(secret);
    // A forged or stale cursor gives the first page, never an error.
    expect((await listConcludedCases({ db: world.db, pageSize: 2, cursor: "not-a-cursor" })).cases.map((row) => row.number)).toEqual([numbers[2], numbers[3]]);
  });

  it("publishes no answer in any open-data file, whatever its data class", async () => {
    // The cases' answers (proofAnswers): the applicant's name (personal), ID number (sensitive), purpose (internal).
    for (const table of openDataTables) {
      const published = JSON.stringify(await buildOpenData({ db: world.db, table, now }));
      for (const answer of ["张三", "310104198803124016", "3101**********4016", "home-purchase"]) expect(published, table).not.toContain(answer);
    }
  });

  it("builds the open-data records with every documented field, in order, for both periods", async () => {
    const records = await buildOpenData({ db: world.db, table: "departments", now });
    expect(records.map((record) => [record.period, record.department_code])).toEqual([
      ["month", "AMR"],
      ["month", "FIRE"],
      ["year", "AMR"],
      ["year", "FIRE"],
    ]);
    expect(records[2]).toEqual({
      period: "year",
      period_from: "2025-01-01",
      period_to: "2025-12-31",
      department_code: "AMR",
      department_name_zh_hans: "市场监督管理局",
      department_name_zh_hant: expect.any(String),
      department_name_en: expect.any(String),
      received: 5,
      concluded: 3,
      approved: 2,
      refused: 0,
      rejected: 1,
      withdrawn: 1,
      on_time_rate_percent: 66.7,
      average_handling_working_days: 3.3,
      p90_handling_working_days: 4,
      ratings: 3,
      rating_average: 3.7,
      satisfied_percent: 66.7,
    });
    const published = await buildOpenData({ db: world.db, table: "cases-concluded", now });
    expect(published.map((record) => [record.case_number, record.applicant_kind, record.applicant_masked, record.result, record.concluded_on])).toEqual([
      [numbers[2], "person", "李**", "partly-approved", "2025-03-19"],
      [numbers[3], "person", "李**", "withdrawn", "2025-03-11"],
      [numbers[0], "person", "李**", "approved", "2025-03-07"],
      [numbers[1], "company", "上海**餐饮管理有限公司", "rejected", "2025-01-10"],
    ]);
  });
});
