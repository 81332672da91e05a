import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, departments, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { addWorkingDays, toIsoDate } from "@/lib/calendar/working-days";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { submitApplication } from "./submit-application";

describe.each(testDatabaseKinds)("submitApplication on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function departmentsOf(caseNumber: string) {
    const rows = await world.db
      .select({ code: departments.code, dueDate: tasks.dueDate, status: tasks.status, caseId: cases.id })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(eq(cases.number, caseNumber));
    return rows.sort((a, b) => a.code.localeCompare(b.code));
  }
  const caseCount = async () => (await world.db.select({ n: count() }).from(cases))[0].n;
  const restaurant = async (answers: Record<string, string>, idempotencyKey = randomUUID()) =>
    submitApplication({
      db: world.db,
      actor: await world.actorOf("enterprise"),
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: answers,
      idempotencyKey,
      channel: "online",
      now: new Date("2026-02-12T10:00:00+08:00"),
    });

  it("fans a restaurant with an outdoor sign out to AMR, FIRE and URBAN, with working-day due dates", async () => {
    const result = await restaurant(restaurantAnswers());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.caseNumber).toMatch(/^OD20260212\d{7}$/);
    const rows = await departmentsOf(result.caseNumber);
    expect(rows.map((row) => row.code)).toEqual(["AMR", "FIRE", "URBAN"]);
    expect(rows.every((row) => row.status === "waiting")).toBe(true);
    // AMR promises 5 working days: across the 2026 Spring Festival (Feb 15–23 off, Feb 14 a make-up working day).
    expect(rows.find((row) => row.code === "AMR")!.dueDate).toBe("2026-02-26");
    const calendar = await loadCalendar(world.db);
    expect(rows.find((row) => row.code === "FIRE")!.dueDate).toBe(addWorkingDays("2026-02-12", 5, calendar));
    expect(await verifyCaseTrail({ db: world.db, caseId: rows[0].caseId })).toMatchObject({ ok: true, length: 1 });
  });

  it("routes without the sign to AMR and FIRE only, and adds ENV above 500 m²", async () => {
    const noSign = await restaurant(restaurantAnswers({ hasOutdoorSign: "no", signText: "", signWidth: "", signHeight: "" }));
    expect(noSign.ok && (await departmentsOf(noSign.caseNumber)).map((row) => row.code)).toEqual(["AMR", "FIRE"]);
    const large = await restaurant(restaurantAnswers({ hasOutdoorSign: "no", businessArea: "650" }));
    expect(large.ok && (await departmentsOf(large.caseNumber)).map((row) => row.code)).toEqual(["AMR", "ENV", "FIRE"]);
  });

  it("does not store answers to questions hidden by the form's logic", async () => {
    const result = await restaurant(restaurantAnswers({ hasOutdoorSign: "no", signText: "forged" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await world.db.select({ answers: cases.answers }).from(cases).where(eq(cases.number, result.caseNumber));
    expect(row.answers).not.toHaveProperty("signText");
    expect(row.answers.hasOutdoorSign).toBe(false);
  });

  it("refuses invalid answers field by field and writes nothing", async () => {
    const before = await caseCount();
    const result = await restaurant(restaurantAnswers({ shopName: "", foodSafetyManagerMobile: "1234", businessArea: "lots" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid:form-answer");
    expect(result.fieldErrors).toMatchObject({
      shopName: { code: "required" },
      foodSafetyManagerMobile: { code: "invalid-mobile" },
      businessArea: { code: "not-a-number" },
    });
    expect(await caseCount()).toBe(before);
  });

  it("returns the first case for a repeated submit, also when the twins race", async () => {
    const key = randomUUID();
    const first = await restaurant(restaurantAnswers(), key);
    const again = await restaurant(restaurantAnswers(), key);
    expect(again).toEqual({ ok: true, caseNumber: first.ok && first.caseNumber, duplicate: true });

    const before = await caseCount();
    const raceKey = randomUUID();
    const racers = await Promise.all([1, 2, 3].map(() => restaurant(restaurantAnswers(), raceKey)));
    const numbers = new Set(racers.map((r) => (r.ok ? r.caseNumber : r.code)));
    expect(numbers.size).toBe(1);
    expect(await caseCount()).toBe(before + 1);
  });

  it("lets only the right kind of applicant apply", async () => {
    const citizen = await world.actorOf("citizen");
    const result = await submitApplication({
      db: world.db,
      actor: citizen,
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    expect(result).toMatchObject({ ok: false, code: "forbidden:applicant-type" });
    const clerk = await world.actorOf("clerk-amr");
    const asClerk = await submitApplication({ db: world.db, actor: clerk, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: randomUUID(), channel: "online" });
    expect(asClerk).toMatchObject({ ok: false, code: "forbidden:applicant-type" });
  });

  it("says not found for an unknown service code", async () => {
    const result = await submitApplication({
      db: world.db,
      actor: await world.actorOf("citizen"),
      subjectCode: "NO-SUCH-SERVICE",
      rawAnswers: {},
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    expect(result).toMatchObject({ ok: false, code: "not-found:service" });
  });

  it("approves the instant service at submit and concludes the case in the same transaction", async () => {
    const now = new Date();
    const result = await submitApplication({
      db: world.db,
      actor: await world.actorOf("citizen"),
      subjectCode: "HRSS-PROOF",
      rawAnswers: proofAnswers(),
      idempotencyKey: randomUUID(),
      channel: "online",
      now,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows = await departmentsOf(result.caseNumber);
    expect(rows).toMatchObject([{ code: "HRSS", status: "approved" }]);
    const [row] = await world.db.select({ status: cases.status }).from(cases).where(eq(cases.number, result.caseNumber));
    expect(row.status).toBe("concluded");
    // Submitted, approved, the proof issued, concluded.
    expect(await verifyCaseTrail({ db: world.db, caseId: rows[0].caseId })).toMatchObject({ ok: true, length: 4 });
  });
});
