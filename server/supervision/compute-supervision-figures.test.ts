/**
 * The supervision figures on both databases, against a small world whose every number is computed by hand below.
 * March 2025 has no holiday: its working days are the weekdays (Mar 1 is a Saturday). Today is Thu 2025-03-20.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, ratingFollowUps, ratings, services, supplementRequests, tasks, urgings, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { seedUser } from "@/seed/factories";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { computeSupervisionFigures } from "./compute-supervision-figures";
import { listDeadlineWatch } from "./list-deadline-watch";
import { listVolumeSeries } from "./list-volume-series";

const range = { from: "2025-03-01", to: "2025-03-31" };
const now = new Date("2025-03-20T12:00:00+08:00");
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe.each(testDatabaseKinds)("supervision figures on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const db = world.db;
    const departmentOf = async (code: string) => (await db.select().from(departments).where(eq(departments.code, code)))[0].id;
    const [amr, fire] = [await departmentOf("AMR"), await departmentOf("FIRE")];
    const serviceOf = async (departmentId: string) => (await db.select().from(services).where(eq(services.departmentId, departmentId)))[0].id;
    const [amrService, fireService] = [await serviceOf(amr), await serviceOf(fire)];
    const [citizen] = await db.select().from(users).where(eq(users.username, "citizen"));
    const [clerk] = await db.select().from(users).where(eq(users.username, "clerk-amr"));
    // Four cases through the intake path; each one's own (instant, HRSS) task is made the first fixture task below.
    const caseIds: string[] = [];
    const firstTasks: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
      caseIds.push(submitted.caseId);
      firstTasks.push(submitted.taskOf("HRSS"));
    }
    type TFixtureTask = Partial<typeof tasks.$inferInsert> & { dueDate: string };
    const amrTask = (values: TFixtureTask) => ({ serviceId: amrService, departmentId: amr, legalDueDate: values.dueDate, ...values });
    const fireTask = (values: TFixtureTask) => ({ serviceId: fireService, departmentId: fire, legalDueDate: values.dueDate, ...values });
    const fixture = async (taskId: string, values: Partial<typeof tasks.$inferInsert>) => db.update(tasks).set(values).where(eq(tasks.id, taskId));
    // AMR
    const t1 = firstTasks[0];
    await fixture(t1, amrTask({ status: "approved", readyOn: "2025-03-03", decidedAt: at("2025-03-07"), dueDate: "2025-03-10" }));
    await fixture(firstTasks[1], amrTask({ status: "rejected", readyOn: "2025-03-05", decidedAt: at("2025-03-14"), dueDate: "2025-03-12" }));
    await fixture(firstTasks[2], amrTask({ status: "refused", readyOn: "2025-03-10", decidedAt: at("2025-03-11"), dueDate: "2025-03-20" }));
    await fixture(firstTasks[3], amrTask({ status: "accepted", readyOn: "2025-03-17", decidedAt: null, dueDate: "2025-03-19", extensionStatus: "approved", extensionDays: 1, extensionDecidedAt: at("2025-03-18") }));
    const inserted = await db.insert(tasks).values([
      { caseId: caseIds[2], ...amrTask({ status: "withdrawn", readyOn: "2025-03-12", decidedAt: at("2025-03-13"), dueDate: "2025-03-25" }) },
      { caseId: caseIds[3], ...amrTask({ status: "approved", readyOn: "2025-02-20", decidedAt: at("2025-03-04"), dueDate: "2025-03-05" }) },
      // FIRE
      { caseId: caseIds[0], ...fireTask({ status: "approved", readyOn: "2025-03-03", decidedAt: at("2025-03-19"), dueDate: "2025-03-17" }) },
      { caseId: caseIds[1], ...fireTask({ status: "waiting", readyOn: "2025-03-18", dueDate: "2025-03-21" }) },
      { caseId: caseIds[3], ...fireTask({ status: "pending", readyOn: null, dueDate: "2025-04-10" }) },
    ]).returning({ id: tasks.id });
    const [fireTask7, fireTask8] = [inserted[2].id, inserted[3].id];
    // t1's clock stood still from Tue 03-04 to Thu 03-06 for a supplement.
    await db.insert(supplementRequests).values({ taskId: t1, caseId: caseIds[0], requestedById: clerk.id, items: [], status: "answered", createdAt: at("2025-03-04"), answeredAt: at("2025-03-06"), answeredById: citizen.id });
    const rate = async (caseIndex: number, overall: number, day: string) =>
      (await db.insert(ratings).values({ caseId: caseIds[caseIndex], ratedById: citizen.id, overall, efficiency: overall, guideAccuracy: overall, convenience: overall, createdAt: at(day) }).returning())[0].id;
    await rate(0, 5, "2025-03-20");
    const bad = await rate(1, 1, "2025-03-15");
    const poor = await rate(2, 2, "2025-03-12");
    await rate(3, 4, "2025-02-25");
    const [amrFollowUp] = await db.insert(ratingFollowUps).values([
      { ratingId: bad, caseId: caseIds[1], departmentId: amr, dueOn: "2025-03-22" },
      { ratingId: bad, caseId: caseIds[1], departmentId: fire, dueOn: "2025-03-22", status: "answered", reply: "已整改", repliedById: clerk.id, repliedAt: at("2025-03-18") },
      { ratingId: poor, caseId: caseIds[2], departmentId: amr, dueOn: "2025-03-19" },
    ]).returning();
    // Urgings (督办). AMR: t5 urged 03-10 (answer by 03-12, answered 03-14: late), urged again 03-17 (by 03-19, open:
    // past its deadline today); the follow-up of case 1 urged 02-25 (by 02-27), answered late on 03-03. FIRE: t7 urged
    // 03-05 (by 03-07), answered at 23:00 Beijing on 03-07 — on time; t8 urged 03-18 (by 03-21), open.
    const [supervisor] = await db.select().from(users).where(eq(users.username, "supervisor"));
    const urged = { sentById: supervisor.id, message: "请说明办理进度" };
    const answered = (day: string) => ({ answer: "已加快办理", answeredById: clerk.id, answeredAt: at(day) });
    await db.insert(urgings).values([
      { ...urged, taskId: firstTasks[3], caseId: caseIds[3], departmentId: amr, sentAt: at("2025-03-10"), deadline: "2025-03-12", ...answered("2025-03-14") },
      { ...urged, taskId: firstTasks[3], caseId: caseIds[3], departmentId: amr, sentAt: at("2025-03-17"), deadline: "2025-03-19" },
      { ...urged, followUpId: amrFollowUp.id, caseId: caseIds[1], departmentId: amr, sentAt: at("2025-02-25"), deadline: "2025-02-27", ...answered("2025-03-03") },
      { ...urged, taskId: fireTask7, caseId: caseIds[0], departmentId: fire, sentAt: at("2025-03-05"), deadline: "2025-03-07", ...answered("2025-03-07"), answeredAt: new Date("2025-03-07T23:00:00+08:00") },
      { ...urged, taskId: fireTask8, caseId: caseIds[1], departmentId: fire, sentAt: at("2025-03-18"), deadline: "2025-03-21" },
    ]);
    await seedUser(db, { username: "supervisor-fire", role: "supervisor", displayName: "消防监察", departmentCode: "FIRE" });
  });
  afterAll(async () => {
    await world?.drop();
  });

  // AMR: t1 approved 03-07 (due 03-10), 4 working days less 2 stopped = 2; t2 rejected 03-14 (due 03-12), 7 days;
  // t3 refused 03-11, 1 day; t6 ready 02-20, approved 03-04 (due 03-05), 8 days; t4 withdrawn; t5 running, due 03-19.
  // Handling [1, 2, 7, 8]: average 4.5, 90th percentile 7 + 0.7 × (8 − 7) = 7.7. On time: t1, t3, t6 of 4.
  // Yellow: t1 (from 03-06), t2 (03-10), t5 (03-17), t6 (03-03) — t3 was decided before its window, t4's opens
  // after today. Red: t2 (03-13), t5 (03-20). Ratings in March of cases with an AMR task: 5, 1, 2.
  const amrFigures = {
    received: 5, concluded: 4, approved: 2, refused: 1, rejected: 1, withdrawn: 1, onTimeRate: 0.75, averageDays: 4.5,
    supplementRate: 0.25, extensions: 1, overdueNow: 1, ratings: 3, openFollowUps: 2, yellowCards: 4, redCards: 2,
    urgingsSent: 2, urgingsOpen: 1, urgingsAnsweredLate: 2, urgingsOpenLate: 1,
  };
  // FIRE: t7 ready 03-03, approved 03-19 (due 03-17): 12 days, late, yellow from 03-13 and red from 03-18; t8 waiting,
  // due 03-21, yellow from 03-19; t9 pending (never received). Ratings in March: 5 and 1; the follow-up is answered.
  const fireFigures = {
    received: 2, concluded: 1, approved: 1, refused: 0, rejected: 0, withdrawn: 0, onTimeRate: 0, averageDays: 12, p90Days: 12,
    supplementRate: 0, extensions: 0, overdueNow: 0, ratings: 2, ratingAverage: 3, dissatisfiedShare: 0.5, openFollowUps: 0, yellowCards: 2, redCards: 1,
    urgingsSent: 2, urgingsOpen: 1, urgingsAnsweredLate: 0, urgingsOpenLate: 0,
  };

  it("counts every figure per department as computed by hand", async () => {
    const result = await computeSupervisionFigures({ db: world.db, actor: await world.actorOf("supervisor"), range, group: "department", now });
    if (!result.ok) throw new Error(result.code);
    expect(result.rows.map((row) => row.departmentName.en)).toHaveLength(2);
    const [amr, fire] = result.rows;
    expect(amr).toMatchObject(amrFigures);
    expect(amr.p90Days).toBeCloseTo(7.7, 6);
    expect(amr.ratingAverage).toBeCloseTo(8 / 3, 6);
    expect(amr.dissatisfiedShare).toBeCloseTo(2 / 3, 6);
    expect(fire).toMatchObject(fireFigures);
  });

  it("counts the same per service (one service of each department here)", async () => {
    const result = await computeSupervisionFigures({ db: world.db, actor: await world.actorOf("admin"), range, group: "service", now });
    if (!result.ok) throw new Error(result.code);
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toMatchObject(amrFigures);
    expect(result.rows[0].serviceName).not.toBeNull();
    expect(result.rows[1]).toMatchObject(fireFigures);
  });

  it("leaves out what falls outside the range, and counts cards only up to today", async () => {
    const february = await computeSupervisionFigures({ db: world.db, actor: await world.actorOf("supervisor"), range: { from: "2025-02-01", to: "2025-02-28" }, group: "department", now });
    if (!february.ok) throw new Error(february.code);
    const amr = february.rows.find((row) => row.departmentName.en.includes("Market"))!;
    // t6 was received in February; the rating of 4 was given then; overdue and open follow-ups are as of today.
    // The follow-up's urging was sent in February (answered in March); open urgings are as of today.
    expect(amr).toMatchObject({ received: 1, concluded: 0, onTimeRate: null, averageDays: null, ratings: 1, ratingAverage: 4, overdueNow: 1, openFollowUps: 2, yellowCards: 0, redCards: 0 });
    expect(amr).toMatchObject({ urgingsSent: 1, urgingsOpen: 1, urgingsAnsweredLate: 0, urgingsOpenLate: 1 });
    const earlier = await computeSupervisionFigures({ db: world.db, actor: await world.actorOf("supervisor"), range, group: "department", now: new Date("2025-03-12T12:00:00+08:00") });
    if (!earlier.ok) throw new Error(earlier.code);
    // On 03-12: yellow t1, t2, t6 (t5's window had not opened); no red yet (t2's came on 03-13).
    expect(earlier.rows[0]).toMatchObject({ yellowCards: 3, redCards: 0 });
  });

  it("counts received, concluded and on time per week, every week of the range", async () => {
    const result = await listVolumeSeries({ db: world.db, actor: await world.actorOf("supervisor"), range, period: "week" });
    if (!result.ok) throw new Error(result.code);
    // Weeks from Monday 02-24 (holding 03-01) to 03-31. Received: 03-03 t1 t7, 03-05 t2 | 03-10 t3, 03-12 t4 |
    // 03-17 t5, 03-18 t8. Concluded: t6 03-04 on time, t1 03-07 on time | t3 03-11 on time, t2 03-14 late | t7 03-19 late.
    expect(result.rows).toEqual([
      { period: "2025-02-24", received: 0, concluded: 0, onTimeRate: null },
      { period: "2025-03-03", received: 3, concluded: 2, onTimeRate: 1 },
      { period: "2025-03-10", received: 2, concluded: 2, onTimeRate: 0.5 },
      { period: "2025-03-17", received: 2, concluded: 1, onTimeRate: 0 },
      { period: "2025-03-24", received: 0, concluded: 0, onTimeRate: null },
      { period: "2025-03-31", received: 0, concluded: 0, onTimeRate: null },
    ]);
    const months = await listVolumeSeries({ db: world.db, actor: await world.actorOf("supervisor-fire"), range: { from: "2025-01-15", to: "2025-03-31" }, period: "month" });
    if (!months.ok) throw new Error(months.code);
    expect(months.rows).toEqual([
      { period: "2025-01-01", received: 0, concluded: 0, onTimeRate: null },
      { period: "2025-02-01", received: 0, concluded: 0, onTimeRate: null },
      { period: "2025-03-01", received: 2, concluded: 1, onTimeRate: 0 },
    ]);
    expect(await listVolumeSeries({ db: world.db, actor: await world.actorOf("clerk-fire"), range, period: "week" })).toEqual({ ok: false, code: "forbidden:role" });
  });

  it("lists the yellow and red tasks now, and drills down to a department's overdue ones", async () => {
    const supervisor = await world.actorOf("supervisor");
    const caseOf = (rows: { dueDate: string }[]) => rows.map((row) => row.dueDate);
    // t5 (AMR, due 03-19) is red; t8 (FIRE, due 03-21) is yellow; t3 is refused, t9 pending: neither runs.
    const all = await listDeadlineWatch({ db: world.db, actor: supervisor, now });
    if (!all.ok) throw new Error(all.code);
    expect(caseOf(all.rows)).toEqual(["2025-03-19", "2025-03-21"]);
    const fireId = all.rows[1].departmentId;
    const overdue = await listDeadlineWatch({ db: world.db, actor: supervisor, now, overdueOnly: true });
    expect(overdue.ok && caseOf(overdue.rows)).toEqual(["2025-03-19"]);
    const fire = await listDeadlineWatch({ db: world.db, actor: supervisor, now, departmentId: fireId });
    expect(fire.ok && caseOf(fire.rows)).toEqual(["2025-03-21"]);
    const own = await listDeadlineWatch({ db: world.db, actor: await world.actorOf("supervisor-fire"), now });
    expect(own.ok && caseOf(own.rows)).toEqual(["2025-03-21"]);
    expect(await listDeadlineWatch({ db: world.db, actor: await world.actorOf("clerk-fire"), now })).toEqual({ ok: false, code: "forbidden:role" });
  });

  it("shows a department's supervisor only that department, and refuses other roles", async () => {
    const own = await computeSupervisionFigures({ db: world.db, actor: await world.actorOf("supervisor-fire"), range, group: "department", now });
    if (!own.ok) throw new Error(own.code);
    expect(own.rows).toHaveLength(1);
    expect(own.rows[0]).toMatchObject(fireFigures);
    for (const username of ["clerk-amr", "counter", "citizen", "enterprise"]) {
      expect(await computeSupervisionFigures({ db: world.db, actor: await world.actorOf(username), range, group: "department", now })).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});
