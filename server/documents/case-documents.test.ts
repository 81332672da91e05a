import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseDocuments, cases, departments, documentNumberCounters, supplementRequests } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { toIsoDate } from "@/lib/calendar/working-days";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { answerSupplement } from "@/server/supplements/answer-supplement";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { loadCalendar } from "@/server/calendar/load-calendar";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";
import { decideTask, type TClerkDecision } from "@/server/workflow/decide-task";
import { loadTransitionContext, runTaskTransition } from "@/server/workflow/run-task-transition";
import { findCaseDocument, listCaseDocuments } from "./find-case-documents";
import { verifyCaseDocument } from "./verify-case-document";

const numberPattern = (code: string) => new RegExp(`^${code}〔\\d{4}〕第\\d{6}号$`);

describe.each(testDatabaseKinds)("case documents on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 6 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  const documentsOfTask = (taskId: string) => world.db.select().from(caseDocuments).where(eq(caseDocuments.taskId, taskId)).orderBy(caseDocuments.issuedAt);
  async function decide(username: string, taskId: string, action: TClerkDecision, reason?: string) {
    const actor = await world.actorOf(username);
    if (action === "accept" || action === "refuse") expect(await claimTask({ db: world.db, actor, taskId })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor, taskId, action, reason, expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
  }

  it("issues each notice and decision from the transition that causes it, frozen with the reason, the legal basis and the remedies", async () => {
    // The system's instant approval at submit issues no decision: its e-licence is the written result.
    const proof = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    expect(await world.db.select({ status: cases.status }).from(cases).where(eq(cases.id, proof.caseId))).toEqual([{ status: "concluded" }]);
    expect(await world.db.select().from(caseDocuments).where(eq(caseDocuments.caseId, proof.caseId))).toEqual([]);
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    expect(await world.db.select().from(caseDocuments).where(eq(caseDocuments.caseId, restaurant.caseId))).toEqual([]);

    await decide("clerk-urban", restaurant.taskOf("URBAN"), "refuse", "招牌设置位置不在允许范围内");
    const [refusal] = await documentsOfTask(restaurant.taskOf("URBAN"));
    expect(refusal).toMatchObject({ kind: "refusal-notice", reason: "招牌设置位置不在允许范围内" });
    expect(refusal.number).toMatch(numberPattern("URBAN"));

    await decide("clerk-fire", restaurant.taskOf("FIRE"), "accept");
    await decide("clerk-fire", restaurant.taskOf("FIRE"), "reject", "疏散通道宽度不符合要求");
    const fireDocuments = await documentsOfTask(restaurant.taskOf("FIRE"));
    expect(fireDocuments.map((document) => document.kind)).toEqual(["acceptance-notice", "rejection-decision"]);
    const rejection = fireDocuments[1];
    expect(rejection.reason).toBe("疏散通道宽度不符合要求");
    expect(rejection.content).toMatchObject({
      caseNumber: restaurant.caseNumber,
      applicant: { kind: "company", name: "上海一门餐饮管理有限公司" },
      department: { code: "FIRE", name: { "zh-Hans": "消防救援支队" } },
      legalBasis: [{ "zh-Hans": "《中华人民共和国消防法》第十五条" }],
      // The service's own review body, the department's court.
      remedies: { reviewBody: { "zh-Hans": "省消防救援总队" }, court: { "zh-Hans": "市中心城区人民法院" }, reviewDays: 60, lawsuitMonths: 6 },
    });
    expect(rejection.content.applicant.maskedNumber).toBe("9131**********XQ36");

    const amr = await world.actorOf("clerk-amr");
    await decide("clerk-amr", restaurant.taskOf("AMR"), "accept");
    expect(
      await requestSupplement({ db: world.db, actor: amr, taskId: restaurant.taskOf("AMR"), expectedVersion: await currentTaskVersion(world.db, restaurant.taskOf("AMR")), note: "请一次补齐", items: [{ key: "shopName", note: "与营业执照上的名称一致" }] }),
    ).toMatchObject({ ok: true });
    const amrDocuments = await documentsOfTask(restaurant.taskOf("AMR"));
    expect(amrDocuments.map((document) => document.kind)).toEqual(["acceptance-notice", "supplement-notice"]);
    expect(amrDocuments[1]).toMatchObject({ reason: "请一次补齐", content: { supplement: { note: "请一次补齐", items: [{ key: "shopName", note: "与营业执照上的名称一致" }] } } });
    expect(amrDocuments[1].content.supplement!.answerBy > toIsoDate(new Date())).toBe(true);
    expect(amrDocuments[1].content.supplement!.items[0].label).toMatchObject({ "zh-Hans": "店铺名称" });
    // Sent back and accepted again: that is not a second acceptance, so no second notice.
    const [request] = await world.db.select({ id: supplementRequests.id }).from(supplementRequests).where(eq(supplementRequests.taskId, restaurant.taskOf("AMR")));
    expect(await answerSupplement({ db: world.db, actor: await world.actorOf("enterprise"), requestId: request.id, posted: { shopName: "一门小馆（徐汇店）" }, uploads: {}, intent: { kind: "send" } })).toMatchObject({ ok: true, sent: true });
    expect(await decideTask({ db: world.db, actor: amr, taskId: restaurant.taskOf("AMR"), action: "accept", expectedVersion: await currentTaskVersion(world.db, restaurant.taskOf("AMR")) })).toMatchObject({ ok: true });
    expect((await documentsOfTask(restaurant.taskOf("AMR"))).map((document) => document.kind)).toEqual(["acceptance-notice", "supplement-notice"]);

    const second = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    await decide("clerk-amr", second.taskOf("AMR"), "accept");
    await decide("clerk-amr", second.taskOf("AMR"), "approve");
    expect((await documentsOfTask(second.taskOf("AMR"))).map((document) => document.kind)).toEqual(["acceptance-notice", "approval-decision"]);
  });

  it("leaves no document and no number behind a transition that rolls back", async () => {
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    const clerk = await world.actorOf("clerk-amr");
    const taskId = restaurant.taskOf("AMR");
    const [department] = await world.db.select().from(departments).where(eq(departments.code, "AMR"));
    const year = Number(toIsoDate(new Date()).slice(0, 4));
    const counter = async () => (await world.db.select().from(documentNumberCounters).where(and(eq(documentNumberCounters.departmentId, department.id), eq(documentNumberCounters.year, year))))[0]?.lastValue ?? 0;
    const before = await counter();
    const calendar = await loadCalendar(world.db);
    await expect(
      world.db.transaction(async (tx) => {
        const [caseRow] = await tx.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(eq(cases.id, restaurant.caseId)).for("update");
        const context = await loadTransitionContext(tx, caseRow, { calendar, today: toIsoDate(new Date()), now: new Date() });
        expect(await runTaskTransition(context, { taskId, action: "accept", by: "clerk", actorId: clerk.id })).toMatchObject({ ok: true });
        expect(await tx.select().from(caseDocuments).where(eq(caseDocuments.taskId, taskId))).toHaveLength(1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await documentsOfTask(taskId)).toEqual([]);
    expect(await counter()).toBe(before);
  });

  it("numbers a department's documents uniquely and without gaps when clerks decide at the same time", async () => {
    const taskIds = await seedQueueTasks(world.db, { departmentCode: "HEALTH", count: 6 });
    const clerk = await world.actorOf("clerk-health");
    for (const taskId of taskIds) expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    const results = await Promise.all(taskIds.map(async (taskId) => decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })));
    expect(results.every((result) => result.ok)).toBe(true);
    const [department] = await world.db.select().from(departments).where(eq(departments.code, "HEALTH"));
    const issued = await world.db.select().from(caseDocuments).where(eq(caseDocuments.departmentId, department.id));
    expect(issued).toHaveLength(6);
    expect(new Set(issued.map((document) => document.number)).size).toBe(6);
    expect(issued.map((document) => document.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const document of issued) expect(document.number).toMatch(numberPattern("HEALTH"));
  });

  it("lets the applicant, their company's members and clerks of a department in the case read the documents; nobody else", async () => {
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    await decide("clerk-fire", restaurant.taskOf("FIRE"), "refuse", "材料不全");
    const [refusal] = await documentsOfTask(restaurant.taskOf("FIRE"));
    const read = async (username: string, access: { caseNumber: string } | { taskId: string }) => findCaseDocument({ db: world.db, actor: await world.actorOf(username), access, documentId: refusal.id });
    const byCase = { caseNumber: restaurant.caseNumber };

    expect((await read("enterprise", byCase))?.id).toBe(refusal.id);
    // A member of the applying company, though not the one who applied.
    expect((await read("agent", byCase))?.id).toBe(refusal.id);
    expect((await listCaseDocuments({ db: world.db, actor: await world.actorOf("agent"), access: byCase })).map((document) => document.id)).toEqual([refusal.id]);
    // The clerk of the issuing department, and of another department that has a task in the case, from their task.
    expect((await read("clerk-fire", { taskId: restaurant.taskOf("FIRE") }))?.id).toBe(refusal.id);
    expect((await read("clerk-amr", { taskId: restaurant.taskOf("AMR") }))?.id).toBe(refusal.id);

    // Another applicant, another company, a department with no task in the case, a clerk naming another department's task.
    expect(await read("citizen2", byCase)).toBeNull();
    expect(await read("enterprise2", byCase)).toBeNull();
    expect(await read("clerk-health", { taskId: restaurant.taskOf("AMR") })).toBeNull();
    expect(await read("clerk-amr", { taskId: restaurant.taskOf("FIRE") })).toBeNull();
    expect(await listCaseDocuments({ db: world.db, actor: await world.actorOf("citizen2"), access: byCase })).toEqual([]);
    // A clerk cannot come in through the applicant's door, nor an applicant through a task.
    expect(await read("clerk-fire", byCase)).toBeNull();
    expect(await read("enterprise", { taskId: restaurant.taskOf("FIRE") })).toBeNull();
    // A document of another case, through a task of this one, is not found either.
    const other = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    expect(await findCaseDocument({ db: world.db, actor: await world.actorOf("clerk-fire"), access: { taskId: other.taskOf("FIRE") }, documentId: refusal.id })).toBeNull();
  });

  it("verifies a genuine document publicly with masked details, and calls an altered one forged", async () => {
    const proof = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    await decide("clerk-urban", proof.taskOf("URBAN"), "refuse", "招牌过大");
    const [document] = await documentsOfTask(proof.taskOf("URBAN"));
    const verified = await verifyCaseDocument({ db: world.db, documentId: document.id });
    expect(verified).toMatchObject({ state: "genuine", document: { kind: "refusal-notice", number: document.number, caseNumber: proof.caseNumber, department: { "zh-Hans": "城市管理局" }, applicant: { kind: "company" } } });
    expect(JSON.stringify(verified)).not.toContain("招牌过大");

    await world.db.update(caseDocuments).set({ reason: "招牌合规" }).where(eq(caseDocuments.id, document.id));
    expect(await verifyCaseDocument({ db: world.db, documentId: document.id })).toEqual({ state: "forged" });
    await world.db.update(caseDocuments).set({ reason: document.reason, content: { ...document.content, caseNumber: "OD202601010000001" } }).where(eq(caseDocuments.id, document.id));
    expect(await verifyCaseDocument({ db: world.db, documentId: document.id })).toEqual({ state: "forged" });
    await world.db.update(caseDocuments).set({ content: document.content }).where(eq(caseDocuments.id, document.id));
    expect((await verifyCaseDocument({ db: world.db, documentId: document.id })).state).toBe("genuine");

    expect(await verifyCaseDocument({ db: world.db, documentId: "00000000-0000-4000-8000-000000000000" })).toEqual({ state: "not-found" });
    expect(await verifyCaseDocument({ db: world.db, documentId: "not-a-uuid" })).toEqual({ state: "not-found" });
  });
});
