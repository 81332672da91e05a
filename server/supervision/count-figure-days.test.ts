/**
 * Closed days' figures are counted once and kept (figure_days), and forgotten by the triggers of migration 0026 when
 * a write changes their facts: after each kind of write, what the kept days give is what counting every day afresh
 * gives. Today is Thu 2025-03-20 for the reports; every day before it is closed.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDays, departments, figureDaysDone, ratings, services, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { readFigureDays } from "./count-figure-days";
import type { TFigureDay } from "./figure-day-facts";

const range = { from: "2025-03-01", to: "2025-03-31" };
const now = new Date("2025-03-20T12:00:00+08:00");
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const sorted = (rows: TFigureDay[]) => [...rows].sort((a, b) => `${a.day}${a.key}${a.department_id}`.localeCompare(`${b.day}${b.key}${b.department_id}`));

describe.each(testDatabaseKinds)("closed days' figures on %s", (kind) => {
  let world: TWorld;
  let taskIds: string[];
  let caseIds: string[];
  let fireTask: { serviceId: string; departmentId: string; dueDate: string; legalDueDate: string };
  const doneDays = async () => (await world.db.select({ day: figureDaysDone.day }).from(figureDaysDone).orderBy(figureDaysDone.day)).map((row) => row.day);
  const read = (group: "department" | "service") => readFigureDays({ db: world.db, range, group, departmentId: null, now });
  /** The kept days' figures must be those of counting every day again. */
  async function expectSameAsAfresh() {
    const kept = { department: sorted(await read("department")), service: sorted(await read("service")) };
    await world.db.delete(figureDaysDone);
    expect(kept).toEqual({ department: sorted(await read("department")), service: sorted(await read("service")) });
  }

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const db = world.db;
    const [amr] = await db.select().from(departments).where(eq(departments.code, "AMR"));
    const [amrService] = await db.select().from(services).where(eq(services.departmentId, amr.id));
    taskIds = [];
    caseIds = [];
    for (let i = 0; i < 3; i += 1) {
      const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
      caseIds.push(submitted.caseId);
      taskIds.push(submitted.taskOf("HRSS"));
    }
    const amrTask = { serviceId: amrService.id, departmentId: amr.id };
    const [fire] = await db.select().from(departments).where(eq(departments.code, "FIRE"));
    const [fireService] = await db.select().from(services).where(eq(services.departmentId, fire.id));
    fireTask = { serviceId: fireService.id, departmentId: fire.id, dueDate: "2025-04-30", legalDueDate: "2025-04-30" };
    const fixture = (taskId: string, values: Partial<typeof tasks.$inferInsert>) => db.update(tasks).set({ ...amrTask, ...values }).where(eq(tasks.id, taskId));
    await fixture(taskIds[0], { status: "approved", readyOn: "2025-03-03", decidedAt: at("2025-03-07"), dueDate: "2025-03-10", legalDueDate: "2025-03-10" });
    await fixture(taskIds[1], { status: "accepted", readyOn: "2025-03-05", decidedAt: null, dueDate: "2025-03-12", legalDueDate: "2025-03-12" });
    await fixture(taskIds[2], { status: "waiting", readyOn: "2025-03-17", decidedAt: null, dueDate: "2025-03-24", legalDueDate: "2025-03-24" });
    const [citizen] = await db.select().from(users).where(eq(users.username, "citizen"));
    await db.insert(ratings).values({ caseId: caseIds[0], ratedById: citizen.id, overall: 5, efficiency: 5, guideAccuracy: 5, convenience: 5, createdAt: at("2025-03-10") });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("counts each closed day once and keeps it; the days from today on are counted live", async () => {
    await world.db.delete(figureDaysDone);
    const first = sorted(await read("department"));
    const days = await doneDays();
    expect(days[0]).toBe("2025-03-01");
    expect(days.at(-1)).toBe("2025-03-19");
    expect(days).toHaveLength(19);
    // Received on 03-03, 03-05 and 03-17; decided on 03-07; rated on 03-10; t2's red card on 03-13.
    const amrDays = first.filter((row) => row.received + row.concluded + row.ratings + row.red_cards > 0).map((row) => row.day);
    expect(amrDays).toEqual(["2025-03-03", "2025-03-05", "2025-03-07", "2025-03-10", "2025-03-13", "2025-03-17"]);
    expect(sorted(await read("department"))).toEqual(first);
    expect(await doneDays()).toEqual(days);
  });

  it("keeps every closed day when today's work is done", async () => {
    const before = await doneDays();
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    expect(await doneDays()).toEqual(before);
  });

  it("forgets the day of a backdated decision, and counts it again as afresh", async () => {
    await read("department");
    await world.db.update(tasks).set({ status: "refused" }).where(eq(tasks.id, taskIds[0]));
    expect(await doneDays()).not.toContain("2025-03-07");
    await expectSameAsAfresh();
  });

  it("forgets the cards' days when a due date moves, and when a running task stops for a supplement", async () => {
    await read("department");
    await world.db.update(tasks).set({ dueDate: "2025-03-14" }).where(eq(tasks.id, taskIds[1]));
    const afterMove = await doneDays();
    expect(afterMove).not.toContain("2025-03-13");
    expect(afterMove).not.toContain("2025-03-15");
    await expectSameAsAfresh();
    await read("department");
    await world.db.update(tasks).set({ status: "supplement-requested" }).where(eq(tasks.id, taskIds[1]));
    expect(await doneDays()).not.toContain("2025-03-15");
    await expectSameAsAfresh();
  });

  it("forgets a rating's day when a task of its case reaches a queue later, or the rating is backdated", async () => {
    await read("service");
    await world.db.update(ratings).set({ createdAt: at("2025-03-11") }).where(sql`true`);
    const days = await doneDays();
    expect(days).not.toContain("2025-03-10");
    expect(days).not.toContain("2025-03-11");
    await expectSameAsAfresh();
    // A FIRE task of the rated case, pending until today: from now on FIRE counts the rating given on 03-11 too.
    const [pending] = await world.db.insert(tasks).values({ caseId: caseIds[0], status: "pending" as const, readyOn: null, ...fireTask }).returning({ id: tasks.id });
    await read("department");
    expect(await doneDays()).toContain("2025-03-11");
    await world.db.update(tasks).set({ status: "waiting", readyOn: new Date().toISOString().slice(0, 10) }).where(eq(tasks.id, pending.id));
    expect(await doneDays()).not.toContain("2025-03-11");
    const fireRatings = (await read("department")).filter((row) => row.department_id === fireTask.departmentId && row.ratings > 0);
    expect(fireRatings.map((row) => row.day)).toEqual(["2025-03-11"]);
    await expectSameAsAfresh();
  });

  it("forgets every closed day when the calendar changes", async () => {
    await read("department");
    expect(await doneDays()).toHaveLength(19);
    await world.db.insert(calendarDays).values({ date: "2025-03-06", kind: "holiday", name: "test" }).onConflictDoNothing();
    expect(await doneDays()).toEqual([]);
    await expectSameAsAfresh();
  });
});
