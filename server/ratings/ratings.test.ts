/**
 * 好差评 on both databases: a concluded case is rated once by its applicant's side (twins and a second try refused),
 * never before it concludes or after a withdrawal, never by a stranger or another company's agent; a bad rating opens
 * a follow-up for each department that handled the case, due in working days across the National Day break; each
 * department answers its own, once, and the applicant sees the answers.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, companies, companyMembers, departments, outbox, ratingFollowUps, ratings, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedCompany, seedUser } from "@/seed/factories";
import { demoCompany } from "@/seed/seed-demo";
import { newbornAnswers, restaurantAnswers } from "@/seed/sample-answers";
import type { TFieldOf } from "@/lib/forms/definition";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { submitApplication } from "@/server/intake/submit-application";
import { storeUpload } from "@/server/materials/store-upload";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { decideTask } from "@/server/workflow/decide-task";
import { withdrawCase } from "@/server/workflow/withdraw-case";
import { countOpenFollowUps } from "./count-open-follow-ups";
import { getFollowUpForClerk } from "./get-follow-up-for-clerk";
import { getRatingForApplicant } from "./get-rating-for-applicant";
import { listFollowUps } from "./list-follow-ups";
import { listOverdueFollowUps } from "./list-overdue-follow-ups";
import { rateCase } from "./rate-case";
import { replyToFollowUp } from "./reply-to-follow-up";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { isOutboxFor } from "@/server/testing/outbox-for";

const onePixelPng = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
/** 10:00 in Beijing on a calendar day. */
const beijing = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, "0")}:00:00+08:00`);
const good = { overall: 5, efficiency: 5, guideAccuracy: 4, convenience: 5, comment: "" };
const bad = { overall: 2, efficiency: 1, guideAccuracy: 3, convenience: 2, comment: "窗口说法和办事指南不一致，跑了两趟" };

describe.each(testDatabaseKinds)("ratings on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
    // An agent of the demo company, and another company with an agent of its own.
    const [demo] = await world.db.select().from(companies).where(eq(companies.uscc, demoCompany.uscc));
    const colleague = await seedUser(world.db, { username: "agent-demo", role: "enterprise", displayName: "钱六" });
    await world.db.insert(companyMembers).values({ companyId: demo.id, userId: colleague.id, role: "agent" });
    const outsider = await seedUser(world.db, { username: "agent-other", role: "enterprise", displayName: "孙七" });
    await seedCompany(world.db, { uscc: "91310115MA1K3YJ12X", name: "浦东另一家餐饮有限公司", legalRepresentative: "孙七", registeredAddress: "上海市浦东新区世纪大道 100 号", regionCode: "310115" }, [
      { userId: outsider.id, role: "agent" },
    ]);
  });
  afterAll(async () => {
    await world?.drop();
  });

  async function submit(username: string, subjectCode: string, rawAnswers: Record<string, unknown>, now = beijing("2026-09-22")) {
    const result = await submitApplication({ db: world.db, actor: await world.actorOf(username), subjectCode, rawAnswers, idempotencyKey: randomUUID(), channel: "online", now });
    if (!result.ok) throw new Error(`${result.code} ${JSON.stringify("fieldErrors" in result ? result.fieldErrors : {})}`);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    return caseRow;
  }
  async function tasksOf(caseId: string) {
    const rows = await world.db.select({ task: tasks, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseId));
    return Object.fromEntries(rows.map((row) => [row.code, row.task]));
  }
  async function decide(code: string, taskId: string, outcome: "approve" | "reject" = "approve") {
    const clerk = await world.actorOf(`clerk-${code.toLowerCase()}`);
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: outcome, reason: outcome === "reject" ? "材料与实际情况不符" : undefined, expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
  }
  /** A restaurant with an outside sign, approved by food (AMR), fire (FIRE) and signage (URBAN). */
  async function concludedRestaurant() {
    const caseRow = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    for (const [code, task] of Object.entries(await tasksOf(caseRow.id))) await decide(code, task.id);
    const [concluded] = await world.db.select().from(cases).where(eq(cases.id, caseRow.id));
    expect(concluded.status).toBe("concluded");
    return concluded;
  }
  async function userId(username: string) {
    return (await world.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
  }
  async function topicsFor(username: string, caseId: string) {
    const rows = await world.db.select({ topic: outbox.topic }).from(outbox).where(and(isOutboxFor(world.db, await userId(username)), eq(outbox.caseId, caseId))).orderBy(outbox.id);
    return rows.map((row) => row.topic);
  }
  async function ratingsOf(caseId: string) {
    return world.db.select().from(ratings).where(eq(ratings.caseId, caseId));
  }

  it("takes one rating of a concluded case and refuses a second, saying why", async () => {
    const caseRow = await concludedRestaurant();
    const enterprise = await world.actorOf("enterprise");
    const first = await rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, ...good, comment: "  一次办好，很方便  " });
    expect(first).toMatchObject({ ok: true, followUpIds: [] });
    const [stored] = await ratingsOf(caseRow.id);
    expect(stored).toMatchObject({ overall: 5, efficiency: 5, guideAccuracy: 4, convenience: 5, comment: "一次办好，很方便", ratedById: enterprise.id });

    // The same person again, and a colleague of the same company: the case has its rating.
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, ...bad })).toEqual({ ok: false, code: "conflict:already-rated" });
    expect(await rateCase({ db: world.db, actor: await world.actorOf("agent-demo"), caseNumber: caseRow.number, ...bad })).toEqual({ ok: false, code: "conflict:already-rated" });
    expect(await ratingsOf(caseRow.id)).toHaveLength(1);
    expect(await world.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.caseId, caseRow.id))).toHaveLength(0);

    // The rating is on the applicant's timeline and the trail still verifies.
    const events = await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.kind, "case-rated")));
    expect(events).toMatchObject([{ public: true, data: { overall: 5 }, actorId: enterprise.id }]);
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
    expect(await getRatingForApplicant({ db: world.db, actor: await world.actorOf("agent-demo"), caseNumber: caseRow.number })).toMatchObject({ ok: true, rating: { overall: 5 }, followUps: [] });
  });

  it("keeps one rating when two arrive at the same moment", async () => {
    const caseRow = await concludedRestaurant();
    const [enterprise, colleague] = [await world.actorOf("enterprise"), await world.actorOf("agent-demo")];
    const results = await Promise.all([
      rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, ...bad }),
      rateCase({ db: world.db, actor: colleague, caseNumber: caseRow.number, ...bad }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, code: "conflict:already-rated" }]);
    expect(await ratingsOf(caseRow.id)).toHaveLength(1);
    // The loser wrote nothing: one set of follow-ups, one trail event.
    expect(await world.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.caseId, caseRow.id))).toHaveLength(3);
    expect(await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRow.id), eq(caseEvents.kind, "case-rated")))).toHaveLength(1);
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
  });

  it("refuses a rating before the case concludes, and of a withdrawn case", async () => {
    const enterprise = await world.actorOf("enterprise");
    const running = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: running.number, ...good })).toEqual({ ok: false, code: "conflict:case-not-concluded" });
    // One department decided, the others not yet: still not concluded.
    await decide("AMR", (await tasksOf(running.id)).AMR.id);
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: running.number, ...good })).toEqual({ ok: false, code: "conflict:case-not-concluded" });

    const withdrawn = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    expect(await withdrawCase({ db: world.db, actor: enterprise, caseNumber: withdrawn.number })).toMatchObject({ ok: true });
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: withdrawn.number, ...bad })).toEqual({ ok: false, code: "conflict:case-withdrawn" });
    expect(await world.db.select().from(ratings).where(inArray(ratings.caseId, [running.id, withdrawn.id]))).toHaveLength(0);
  });

  it("refuses a stranger, another company's agent and a clerk, as if the case did not exist", async () => {
    const caseRow = await concludedRestaurant();
    for (const username of ["citizen2", "agent-other"]) {
      expect(await rateCase({ db: world.db, actor: await world.actorOf(username), caseNumber: caseRow.number, ...good }), username).toEqual({ ok: false, code: "not-found:case" });
      expect(await getRatingForApplicant({ db: world.db, actor: await world.actorOf(username), caseNumber: caseRow.number })).toEqual({ ok: false, code: "not-found:case" });
    }
    expect(await rateCase({ db: world.db, actor: await world.actorOf("clerk-amr"), caseNumber: caseRow.number, ...good })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await rateCase({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber: "OD-NO-SUCH-CASE", ...good })).toEqual({ ok: false, code: "not-found:case" });
    expect(await ratingsOf(caseRow.id)).toHaveLength(0);
  });

  it("names every problem of a bad post on its own field and writes nothing", async () => {
    const caseRow = await concludedRestaurant();
    const enterprise = await world.actorOf("enterprise");
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, overall: "", efficiency: "6", guideAccuracy: "2.5", convenience: undefined, comment: "好".repeat(501) })).toEqual({
      ok: false,
      code: "invalid:rating-overall-required",
      fields: {
        overall: "invalid:rating-overall-required",
        efficiency: "invalid:rating-efficiency-required",
        guideAccuracy: "invalid:rating-guide-accuracy-required",
        convenience: "invalid:rating-convenience-required",
        comment: "invalid:rating-comment-too-long",
      },
    });
    // 500 characters is allowed, counted as characters (an emoji is two UTF-16 units but one character).
    expect(await rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, overall: "4", efficiency: "4", guideAccuracy: "4", convenience: "4", comment: "👍".repeat(500) })).toMatchObject({ ok: true });
    expect((await ratingsOf(caseRow.id))[0].comment).toBe("👍".repeat(500));
  });

  it("opens a follow-up for each department on a bad rating, due 5 working days later across the National Day break", async () => {
    const caseRow = await concludedRestaurant();
    const colleague = await world.actorOf("agent-demo");
    // Wednesday 30 September 2026: 1–7 October are days off and Saturday 10 October a make-up working day, so the
    // 5 working days are 8, 9, 10, 12 and 13 October.
    const rated = await rateCase({ db: world.db, actor: colleague, caseNumber: caseRow.number, ...bad, now: beijing("2026-09-30") });
    expect(rated).toMatchObject({ ok: true });
    if (!rated.ok) return;
    expect(rated.followUpIds).toHaveLength(3);
    const followUps = await world.db
      .select({ code: departments.code, dueOn: ratingFollowUps.dueOn, status: ratingFollowUps.status })
      .from(ratingFollowUps)
      .innerJoin(departments, eq(departments.id, ratingFollowUps.departmentId))
      .where(eq(ratingFollowUps.caseId, caseRow.id))
      .orderBy(departments.code);
    expect(followUps).toEqual([
      { code: "AMR", dueOn: "2026-10-13", status: "open" },
      { code: "FIRE", dueOn: "2026-10-13", status: "open" },
      { code: "URBAN", dueOn: "2026-10-13", status: "open" },
    ]);
    // Each department's staff are told; other departments are not.
    expect(await topicsFor("clerk-amr", caseRow.id)).toContain("rating-follow-up");
    expect(await topicsFor("clerk-urban", caseRow.id)).toContain("rating-follow-up");
    expect(await topicsFor("clerk-env", caseRow.id)).toEqual([]);
    const [message] = await world.db.select().from(outbox).where(and(eq(outbox.recipientId, await userId("clerk-fire")), eq(outbox.topic, "rating-follow-up"), eq(outbox.caseId, caseRow.id)));
    expect(message.params).toEqual({ caseNumber: caseRow.number, service: { "zh-Hans": "开办餐饮店一件事", "zh-Hant": expect.any(String), en: expect.any(String) }, dueDate: "2026-10-13" });
    expect(message.link).toMatch(/^\/desk\/follow-ups\/[0-9a-f-]{36}$/);

    // A configured number of days counts the same way.
    const other = await concludedRestaurant();
    const shorter = await rateCase({ db: world.db, actor: colleague, caseNumber: other.number, ...bad, overall: 1, now: beijing("2026-09-30"), followUpDays: 2 });
    expect(shorter).toMatchObject({ ok: true });
    const dues = await world.db.selectDistinct({ dueOn: ratingFollowUps.dueOn }).from(ratingFollowUps).where(eq(ratingFollowUps.caseId, other.id));
    expect(dues).toEqual([{ dueOn: "2026-10-09" }]);
  });

  it("opens no follow-up for a rating of 3 to 5", async () => {
    for (const overall of [3, 4, 5]) {
      const caseRow = await concludedRestaurant();
      const result = await rateCase({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber: caseRow.number, ...bad, overall });
      expect(result).toMatchObject({ ok: true, followUpIds: [] });
      expect(await topicsFor("clerk-amr", caseRow.id)).not.toContain("rating-follow-up");
    }
  });

  it("sends a bad rating only to departments that had the case in their queue", async () => {
    const citizen = await world.actorOf("citizen");
    const photoField = { key: "photo", type: "material", label: { "zh-Hans": "照片", "zh-Hant": "照片", en: "Photo" }, required: true, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] } as unknown as TFieldOf<"material">;
    const stored = await storeUpload({ db: world.db, actor: citizen, field: photoField, file: new File([onePixelPng], "baby.png") });
    if (!stored.ok) throw new Error(stored.reason);
    const caseRow = await submit("citizen", "BUNDLE-NEWBORN", newbornAnswers({ photo: [stored.ref] }), new Date());
    // Health rejects: police, medical insurance and social security are cancelled before they reach their queues.
    await decide("HEALTH", (await tasksOf(caseRow.id)).HEALTH.id, "reject");
    const rated = await rateCase({ db: world.db, actor: citizen, caseNumber: caseRow.number, ...bad, overall: 1 });
    expect(rated).toMatchObject({ ok: true });
    const codes = await world.db
      .select({ code: departments.code })
      .from(ratingFollowUps)
      .innerJoin(departments, eq(departments.id, ratingFollowUps.departmentId))
      .where(eq(ratingFollowUps.caseId, caseRow.id));
    expect(codes).toEqual([{ code: "HEALTH" }]);
  });

  it("lets each department answer its own follow-up once, and shows the answers to the applicant's side", async () => {
    const caseRow = await concludedRestaurant();
    const enterprise = await world.actorOf("enterprise");
    const rated = await rateCase({ db: world.db, actor: enterprise, caseNumber: caseRow.number, ...bad, now: beijing("2026-09-30") });
    if (!rated.ok) throw new Error(rated.code);
    const [amrClerk, fireClerk] = [await world.actorOf("clerk-amr"), await world.actorOf("clerk-fire")];
    const amrFollowUp = (await world.db.select().from(ratingFollowUps).where(and(eq(ratingFollowUps.caseId, caseRow.id), eq(ratingFollowUps.departmentId, amrClerk.departmentId!))))[0];

    // The department's list has it, open, with its due date; the desk counts it.
    const listed = await listFollowUps({ db: world.db, actor: amrClerk, now: beijing("2026-10-12") });
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.open.find((row) => row.id === amrFollowUp.id)).toMatchObject({ caseNumber: caseRow.number, overall: 2, comment: bad.comment, dueOn: "2026-10-13", deadline: "soon-due", subjectName: { "zh-Hans": "开办餐饮店一件事" } });
    expect(await countOpenFollowUps({ db: world.db, actor: amrClerk })).toBeGreaterThanOrEqual(1);
    expect(await getFollowUpForClerk({ db: world.db, actor: amrClerk, followUpId: amrFollowUp.id })).toMatchObject({ ok: true, caseNumber: caseRow.number, tasks: [{ status: "approved" }] });

    // Refused, and nothing written: another department's clerk, a supervisor, an applicant, an empty or too long reply.
    const reply = { db: world.db, followUpId: amrFollowUp.id, now: beijing("2026-10-09") };
    expect(await replyToFollowUp({ ...reply, actor: fireClerk, reply: "已核实" })).toEqual({ ok: false, code: "not-found:follow-up" });
    expect(await getFollowUpForClerk({ db: world.db, actor: fireClerk, followUpId: amrFollowUp.id })).toEqual({ ok: false, code: "not-found:follow-up" });
    expect(await replyToFollowUp({ ...reply, actor: await world.actorOf("supervisor"), reply: "已核实" })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await replyToFollowUp({ ...reply, actor: enterprise, reply: "已核实" })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await replyToFollowUp({ ...reply, actor: amrClerk, reply: "   " })).toEqual({ ok: false, code: "invalid:follow-up-reply-required" });
    expect(await replyToFollowUp({ ...reply, actor: amrClerk, reply: "查".repeat(1001) })).toEqual({ ok: false, code: "invalid:follow-up-reply-too-long" });
    expect(await replyToFollowUp({ ...reply, actor: amrClerk, followUpId: "not-a-uuid", reply: "已核实" })).toEqual({ ok: false, code: "not-found:follow-up" });
    expect((await world.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.id, amrFollowUp.id)))[0].status).toBe("open");

    const answer = "已核实：窗口人员解释有误，已组织培训并更新办事指南。";
    expect(await replyToFollowUp({ ...reply, actor: amrClerk, reply: `  ${answer} ` })).toEqual({ ok: true, followUpId: amrFollowUp.id });
    expect(await replyToFollowUp({ ...reply, actor: amrClerk, reply: "再次回复" })).toEqual({ ok: false, code: "conflict:follow-up-answered" });
    const [answered] = await world.db.select().from(ratingFollowUps).where(eq(ratingFollowUps.id, amrFollowUp.id));
    expect(answered).toMatchObject({ status: "answered", reply: answer, repliedById: amrClerk.id });

    // The applicant and the company's other staff are told; the tracker shows the reply beside the ones still due.
    expect(await topicsFor("enterprise", caseRow.id)).toContain("follow-up-answered");
    expect(await topicsFor("agent-demo", caseRow.id)).toContain("follow-up-answered");
    const seen = await getRatingForApplicant({ db: world.db, actor: await world.actorOf("agent-demo"), caseNumber: caseRow.number });
    if (!seen.ok) throw new Error(seen.code);
    expect(seen.rating).toMatchObject({ overall: 2, comment: bad.comment });
    expect(seen.followUps.map((followUp) => [followUp.departmentName["zh-Hans"], followUp.status, followUp.reply])).toEqual([
      ["市场监督管理局", "answered", answer],
      ["消防救援支队", "open", null],
      ["城市管理局", "open", null],
    ]);
    const listedAfter = await listFollowUps({ db: world.db, actor: amrClerk });
    if (!listedAfter.ok) throw new Error(listedAfter.code);
    expect(listedAfter.open.map((row) => row.id)).not.toContain(amrFollowUp.id);
    expect(listedAfter.answered[0]).toMatchObject({ id: amrFollowUp.id, status: "answered", deadline: null });
    expect(await verifyCaseTrail({ db: world.db, caseId: caseRow.id })).toMatchObject({ ok: true });
    const kinds = (await world.db.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.caseId, caseRow.id))).map((event) => event.kind);
    expect(kinds.slice(-2)).toEqual(["case-rated", "follow-up-answered"]);

    // The fire brigade's follow-up is still open after its due date: supervision sees it, only in its department.
    const overdue = await listOverdueFollowUps({ db: world.db, actor: await world.actorOf("supervisor"), now: beijing("2026-10-14") });
    if (!overdue.ok) throw new Error(overdue.code);
    const mine = overdue.rows.filter((row) => row.caseNumber === caseRow.number);
    expect(mine.map((row) => row.departmentName["zh-Hans"]).sort()).toEqual(["城市管理局", "消防救援支队"].sort());
    const onTime = await listOverdueFollowUps({ db: world.db, actor: await world.actorOf("supervisor"), now: beijing("2026-10-13") });
    expect(onTime.ok && onTime.rows.filter((row) => row.caseNumber === caseRow.number)).toEqual([]);
    expect(await listOverdueFollowUps({ db: world.db, actor: amrClerk })).toEqual({ ok: false, code: "forbidden:role" });
  });

  it("lists a department's follow-ups open first, soonest due first", async () => {
    const enterprise = await world.actorOf("enterprise");
    const later = await concludedRestaurant();
    const sooner = await concludedRestaurant();
    await rateCase({ db: world.db, actor: enterprise, caseNumber: later.number, ...bad, now: beijing("2030-03-05") });
    await rateCase({ db: world.db, actor: enterprise, caseNumber: sooner.number, ...bad, now: beijing("2030-03-04") });
    const listed = await listFollowUps({ db: world.db, actor: await world.actorOf("clerk-urban"), now: beijing("2030-03-04") });
    if (!listed.ok) throw new Error(listed.code);
    const order = listed.open.map((row) => row.caseNumber).filter((number) => number === later.number || number === sooner.number);
    expect(order).toEqual([sooner.number, later.number]);
    expect(listed.open.map((row) => row.dueOn)).toEqual([...listed.open.map((row) => row.dueOn)].sort());
    expect(await listFollowUps({ db: world.db, actor: enterprise })).toEqual({ ok: false, code: "forbidden:role" });
  });
});
