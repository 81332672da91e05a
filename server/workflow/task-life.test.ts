/**
 * A task's life beyond claim and decide: prerequisites that hold and release tasks, the instant check, the
 * supplement loop with its stopped clock across the 2026 National Day holidays, withdrawal and one extension —
 * each with the case status, the trail and the outbox written in the same transaction.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, departments, outbox, supplementRequests, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { newbornAnswers, proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { countWorkingDays } from "@/lib/calendar/working-days";
import type { TFieldOf } from "@/lib/forms/definition";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { submitApplication } from "@/server/intake/submit-application";
import { storeUpload } from "@/server/materials/store-upload";
import { answerSupplement } from "@/server/supplements/answer-supplement";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { decideExtension } from "./decide-extension";
import { requestExtension } from "./request-extension";
import { decideTask } from "./decide-task";
import { withdrawCase } from "./withdraw-case";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { isOutboxFor } from "@/server/testing/outbox-for";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
/** 10:00 in Beijing on a calendar day. */
const beijing = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);

describe.each(testDatabaseKinds)("the task's life on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function submit(username: string, subjectCode: string, rawAnswers: Record<string, unknown>, now = new Date()) {
    const result = await submitApplication({ db: world.db, actor: await world.actorOf(username), subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online", now });
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify("fieldErrors" in result ? result.fieldErrors : {})}`);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    return caseRow;
  }
  async function tasksOf(caseId: string) {
    const rows = await world.db.select({ task: tasks, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseId));
    return Object.fromEntries(rows.map((row) => [row.code, row.task]));
  }
  async function caseStatus(caseId: string) {
    return (await world.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0].status;
  }
  async function topicsFor(username: string, caseId: string) {
    const [user] = await world.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    const rows = await world.db.select({ topic: outbox.topic }).from(outbox).where(and(isOutboxFor(world.db, user.id), eq(outbox.caseId, caseId))).orderBy(outbox.id);
    return rows.map((row) => row.topic);
  }
  /** Claims, accepts and approves (or rejects) as the department's clerk. */
  async function decide(code: string, taskId: string, outcome: "approve" | "reject" = "approve") {
    const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: outcome, reason: outcome === "reject" ? "出生医学证明信息与医院记录不一致" : undefined, expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
  }
  async function newbornCase() {
    const citizen = await world.actorOf("citizen");
    const photoField: TFieldOf<"material"> = { key: "photo", type: "material", label: { "zh-Hans": "照片", "zh-Hant": "照片", en: "Photo" }, required: true, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] } as never;
    const stored = await storeUpload({ db: world.db, actor: citizen, field: photoField, file: new File([onePixelPng], "baby.png") });
    if (!stored.ok) throw new Error(stored.reason);
    return submit("citizen", "BUNDLE-NEWBORN", newbornAnswers({ photo: [stored.ref] }));
  }

  it("holds a task until its prerequisite is approved, then releases it with its clock starting that day", async () => {
    const caseRow = await newbornCase();
    let byCode = await tasksOf(caseRow.id);
    expect(Object.fromEntries(Object.entries(byCode).map(([code, task]) => [code, task.status]))).toEqual({ HEALTH: "waiting", POLICE: "pending", MEDINS: "pending", HRSS: "pending" });
    expect(byCode.POLICE.prerequisiteTaskIds).toEqual([byCode.HEALTH.id]);
    expect(byCode.POLICE.readyOn).toBeNull();
    // A clerk cannot claim a task that waits on another department.
    expect(await claimTask({ db: world.db, actor: await world.actorOf("clerk-police"), taskId: byCode.POLICE.id })).toMatchObject({ ok: false, code: "conflict:transition-not-allowed" });

    await decide("HEALTH", byCode.HEALTH.id);
    byCode = await tasksOf(caseRow.id);
    expect(byCode.POLICE.status).toBe("waiting");
    expect(byCode.POLICE.readyOn).not.toBeNull();
    expect([byCode.MEDINS.status, byCode.HRSS.status]).toEqual(["pending", "pending"]);
    // Not one message per released task: it waits for the department's next new-task digest.
    expect(await topicsFor("clerk-police", caseRow.id)).toEqual([]);
    expect(byCode.POLICE.announcedAt).toBeNull();

    await decide("POLICE", byCode.POLICE.id);
    byCode = await tasksOf(caseRow.id);
    expect([byCode.MEDINS.status, byCode.HRSS.status]).toEqual(["waiting", "waiting"]);
    expect(await caseStatus(caseRow.id)).toBe("in-progress");
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
  });

  it("stops the tasks that wait on a prerequisite that is rejected, and concludes the case", async () => {
    const caseRow = await newbornCase();
    const byCode = await tasksOf(caseRow.id);
    await decide("HEALTH", byCode.HEALTH.id, "reject");
    const after = await tasksOf(caseRow.id);
    expect(Object.fromEntries(Object.entries(after).map(([code, task]) => [code, task.status]))).toEqual({ HEALTH: "rejected", POLICE: "cancelled", MEDINS: "cancelled", HRSS: "cancelled" });
    expect(await caseStatus(caseRow.id)).toBe("concluded");
    expect(await topicsFor("citizen", caseRow.id)).toEqual(["case-submitted", "task-accepted", "task-rejected", "task-cancelled", "task-cancelled", "task-cancelled"]);
  });

  it("approves an instant service whose check holds at submit, and gives a clerk the one whose check fails, with the reason", async () => {
    const passed = await submit("citizen", "HRSS-PROOF", proofAnswers());
    expect((await tasksOf(passed.id)).HRSS.status).toBe("approved");
    expect(passed.status).toBe("concluded");
    expect(await topicsFor("citizen", passed.id)).toEqual(["case-submitted", "licence-issued"]);
    const [submitted] = await world.db.select({ link: outbox.link, params: outbox.params }).from(outbox).where(and(eq(outbox.caseId, passed.id), eq(outbox.topic, "case-submitted")));
    expect(submitted.link).toMatch(/^\/me\/cases\/OD\d+\/receipt$/);
    expect(submitted.params).toMatchObject({ caseNumber: expect.stringMatching(/^OD/) });

    const checked = await submit("citizen", "HRSS-PROOF", proofAnswers({ purpose: "other" }));
    const task = (await tasksOf(checked.id)).HRSS;
    expect(task.status).toBe("waiting");
    expect(checked.status).toBe("submitted");
    const [event] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.taskId, task.id), eq(caseEvents.kind, "instant-check-failed")));
    expect(event.data).toMatchObject({ reason: { "zh-Hans": expect.stringContaining("其他") } });
    expect(event.public).toBe(false);
  });

  it("runs the supplement loop with the clock stopped across the National Day holidays", async () => {
    // Submitted Tue 22 Sep 2026: 5 promised working days skip the Mid-Autumn days off (25–27 Sep) → Wed 30 Sep.
    const caseRow = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers(), beijing("2026-09-22"));
    const amr = (await tasksOf(caseRow.id)).AMR;
    expect([amr.readyOn, amr.dueDate]).toEqual(["2026-09-22", "2026-09-30"]);
    const clerk = await world.actorOf("clerk-amr");
    await claimTask({ db: world.db, actor: clerk, taskId: amr.id, now: beijing("2026-09-23") });
    await decideTask({ db: world.db, actor: clerk, taskId: amr.id, action: "accept", now: beijing("2026-09-23"), expectedVersion: await currentTaskVersion(world.db, amr.id) });
    const accepted = (await tasksOf(caseRow.id)).AMR;

    // Refused and nothing written: no items, an unknown field, a locked field, a stale version, someone else's department.
    const base = { db: world.db, actor: clerk, taskId: amr.id, expectedVersion: accepted.version, now: beijing("2026-09-24") };
    expect(await requestSupplement({ ...base, items: [] })).toMatchObject({ ok: false, code: "invalid:supplement-items" });
    expect(await requestSupplement({ ...base, items: [{ key: "notAField", note: "?" }] })).toMatchObject({ ok: false, code: "invalid:supplement-items" });
    // A value locked from the enterprise registry cannot be changed by the company, so it cannot be asked for.
    expect(await requestSupplement({ ...base, items: [{ key: "unifiedSocialCreditCode", note: "请核对" }] })).toMatchObject({ ok: false, code: "invalid:supplement-items" });
    expect(await requestSupplement({ ...base, expectedVersion: accepted.version - 1, items: [{ key: "businessArea", note: "面积与平面图不符" }] })).toMatchObject({ ok: false, code: "conflict:task-changed" });
    expect(await requestSupplement({ ...base, actor: await world.actorOf("clerk-fire"), items: [{ key: "businessArea", note: "x" }] })).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await world.db.select().from(supplementRequests).where(eq(supplementRequests.taskId, amr.id))).toHaveLength(0);

    // Thu 24 Sep: the clerk asks for two corrections at once; three promised working days were left (28, 29, 30 Sep).
    const asked = await requestSupplement({ ...base, note: "请一次性补正以下内容", items: [{ key: "businessArea", note: "经营面积与平面图不符，请核对" }, { key: "seats", note: "请填写实际座位数" }] });
    expect(asked).toMatchObject({ ok: true });
    if (!asked.ok) return;
    const stopped = (await tasksOf(caseRow.id)).AMR;
    expect(stopped).toMatchObject({ status: "supplement-requested", clockStoppedOn: "2026-09-24", promisedDaysLeft: 3 });
    expect(await caseStatus(caseRow.id)).toBe("waiting-for-applicant");
    expect(await topicsFor("enterprise", caseRow.id)).toContain("supplement-requested");
    // A company's case is told to the company, once, not to each member.
    const told = await world.db.select({ recipientId: outbox.recipientId, companyId: outbox.companyId }).from(outbox).where(and(eq(outbox.caseId, caseRow.id), eq(outbox.topic, "supplement-requested")));
    expect(told).toEqual([{ recipientId: null, companyId: caseRow.companyId }]);

    // Only the applicant's side may answer; a bad value changes nothing but is kept.
    const enterprise = await world.actorOf("enterprise");
    const answer = (posted: Record<string, unknown>, actor = enterprise, date = "2026-10-09") =>
      answerSupplement({ db: world.db, actor, requestId: asked.requestId, posted, uploads: {}, intent: { kind: "send" }, now: beijing(date) });
    expect(await answer({ businessArea: "95", seats: "30" }, await world.actorOf("citizen"))).toMatchObject({ ok: false, code: "not-found:supplement" });
    const invalid = await answer({ businessArea: "-1", seats: "30", shopName: "换个名字" });
    expect(invalid).toMatchObject({ ok: true, sent: false });
    expect(invalid.ok && Object.keys(invalid.errors)).toEqual(["businessArea"]);
    expect((await tasksOf(caseRow.id)).AMR.status).toBe("supplement-requested");

    // Fri 9 Oct, after the holidays: sent. The clock restarts with the 3 days left: Sat 10 Oct (a make-up working day), 12, 13 Oct.
    expect(await answer({ businessArea: "95", seats: "30", shopName: "换个名字" })).toMatchObject({ ok: true, sent: true });
    const restarted = (await tasksOf(caseRow.id)).AMR;
    expect(restarted).toMatchObject({ status: "supplement-received", dueDate: "2026-10-13", clockStoppedOn: null, promisedDaysLeft: null });
    const calendar = await loadCalendar(world.db);
    expect(countWorkingDays("2026-10-09", restarted.legalDueDate, calendar)).toBe(stopped.legalDaysLeft);
    const [after] = await world.db.select().from(cases).where(eq(cases.id, caseRow.id));
    // Only the requested answers changed.
    expect([after.answers.businessArea, after.answers.seats, after.answers.shopName]).toEqual([95, 30, "一门小馆"]);
    expect(await topicsFor("clerk-amr", caseRow.id)).toEqual(["supplement-received"]);
    expect(await answer({ businessArea: "96", seats: "30" })).toMatchObject({ ok: false, code: "conflict:supplement-closed" });

    // The clerk accepts the supplement and approves.
    expect(await decideTask({ db: world.db, actor: clerk, taskId: amr.id, action: "accept", expectedVersion: await currentTaskVersion(world.db, amr.id) })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId: amr.id, action: "approve", expectedVersion: await currentTaskVersion(world.db, amr.id) })).toMatchObject({ ok: true });
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
  });

  it("lets the applicant withdraw what is not yet decided, once", async () => {
    const caseRow = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    const byCode = await tasksOf(caseRow.id);
    await decide("FIRE", byCode.FIRE.id);
    expect(await withdrawCase({ db: world.db, actor: await world.actorOf("citizen"), caseNumber: caseRow.number })).toMatchObject({ ok: false, code: "not-found:case" });
    expect(await withdrawCase({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber: caseRow.number, reason: "店铺不开了" })).toMatchObject({ ok: true, withdrawn: 2 });
    const after = await tasksOf(caseRow.id);
    expect([after.AMR.status, after.FIRE.status, after.URBAN.status]).toEqual(["withdrawn", "approved", "withdrawn"]);
    expect(await caseStatus(caseRow.id)).toBe("concluded");
    expect(await withdrawCase({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber: caseRow.number })).toMatchObject({ ok: false, code: "conflict:case-decided" });
  });

  it("extends a task once, when a supervisor approves", async () => {
    const caseRow = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers(), beijing("2026-09-22"));
    const amr = (await tasksOf(caseRow.id)).AMR;
    const clerk = await world.actorOf("clerk-amr");
    await claimTask({ db: world.db, actor: clerk, taskId: amr.id });
    const claimed = (await tasksOf(caseRow.id)).AMR;
    const ask = (days: number, version = claimed.version) => requestExtension({ db: world.db, actor: clerk, taskId: amr.id, expectedVersion: version, days, reason: "需现场核查" });
    expect(await ask(0)).toMatchObject({ ok: false, code: "invalid:extension" });
    const asked = await ask(10);
    expect(asked).toMatchObject({ ok: true });
    if (!asked.ok) return;
    expect(await ask(5, asked.version)).toMatchObject({ ok: false, code: "conflict:extension-used" });
    expect(await decideExtension({ db: world.db, actor: clerk, taskId: amr.id, expectedVersion: asked.version, approve: true })).toMatchObject({ ok: false, code: "forbidden:role" });
    expect(await decideExtension({ db: world.db, actor: await world.actorOf("supervisor"), taskId: amr.id, expectedVersion: asked.version, approve: true })).toMatchObject({ ok: true });
    const extended = (await tasksOf(caseRow.id)).AMR;
    const calendar = await loadCalendar(world.db);
    expect(countWorkingDays(amr.dueDate, extended.dueDate, calendar)).toBe(10);
    expect(countWorkingDays(amr.legalDueDate, extended.legalDueDate, calendar)).toBe(10);
    expect(extended.extensionStatus).toBe("approved");
    expect(await topicsFor("enterprise", caseRow.id)).toContain("extension-approved");
    const supervisors = await world.db.select({ id: users.id }).from(users).where(eq(users.role, "supervisor"));
    const told = await world.db.select().from(outbox).where(and(eq(outbox.caseId, caseRow.id), inArray(outbox.recipientId, supervisors.map((s) => s.id))));
    expect(told.map((row) => row.topic)).toEqual(["extension-requested"]);
  });
});
