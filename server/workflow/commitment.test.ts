/**
 * 告知承诺制 end to end through the use cases: FIRE approves a restaurant's fire safety check on the applicant's
 * commitment, the runner opens the inspection in FIRE's queue, and the inspection's outcome either concludes it or
 * revokes the licence and tells the applicant. Other departments neither see nor touch any of it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseDocuments, cases, licences, outbox, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { renderCaseDocument } from "@/server/documents/render-case-document";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { verifyLicence } from "@/server/licences/verify-licence";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { readPdf } from "@/server/testing/pdf-text";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { decideTask, type TClerkDecision } from "./decide-task";
import { getTaskForClerk } from "./get-task-for-clerk";
import { listQueue } from "./list-queue";
import { withdrawCase } from "./withdraw-case";

describe.each(testDatabaseKinds)("approval on commitment on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** A restaurant without an outside sign: an AMR and a FIRE task; `useCommitment` as the browser posts it. */
  const newCase = (useCommitment: "yes" | "no") =>
    submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers({ useCommitment, hasOutdoorSign: "no" }) });
  const decide = async (username: string, taskId: string, action: TClerkDecision, extra: { reason?: string; now?: Date } = {}) =>
    decideTask({ db: world.db, actor: await world.actorOf(username), taskId, action, expectedVersion: await currentTaskVersion(world.db, taskId), ...extra });
  const claim = async (username: string, taskId: string) => claimTask({ db: world.db, actor: await world.actorOf(username), taskId });
  const taskRow = async (taskId: string) => (await world.db.select().from(tasks).where(eq(tasks.id, taskId)))[0];
  const inspectionOf = async (caseId: string) => (await world.db.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.kind, "inspection"))))[0];
  const licenceOf = async (taskId: string) => (await world.db.select().from(licences).where(eq(licences.taskId, taskId)))[0];
  const today = () => new Date().toISOString().slice(0, 10);

  /** A case with the commitment, approved on it by FIRE on `now`: its tasks and the inspection that follows. */
  async function approvedOnCommitment(now = new Date()) {
    const created = await newCase("yes");
    const fire = created.taskOf("FIRE");
    expect(await claim("clerk-fire", fire)).toMatchObject({ ok: true });
    expect(await decide("clerk-fire", fire, "approve-on-commitment", { now })).toMatchObject({ ok: true });
    return { ...created, fire, inspection: await inspectionOf(created.caseId) };
  }

  it("refuses it without the applicant's yes, for a service that offers none, and to another department", async () => {
    const declined = await newCase("no");
    const fire = declined.taskOf("FIRE");
    await claim("clerk-fire", fire);
    expect(await decide("clerk-fire", fire, "approve-on-commitment")).toEqual({ ok: false, code: "conflict:no-commitment" });
    expect((await taskRow(fire)).status).toBe("waiting");
    expect(await inspectionOf(declined.caseId)).toBeUndefined();
    expect(await licenceOf(fire)).toBeUndefined();

    const committed = await newCase("yes");
    // AMR's food licence has no commitment setting: the FIRE question's yes does not open it.
    await claim("clerk-amr", committed.taskOf("AMR"));
    expect(await decide("clerk-amr", committed.taskOf("AMR"), "approve-on-commitment")).toEqual({ ok: false, code: "conflict:no-commitment" });
    // Another department's task is not found, claimed or decided.
    expect(await claim("clerk-amr", committed.taskOf("FIRE"))).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await decide("clerk-amr", committed.taskOf("FIRE"), "approve-on-commitment")).toMatchObject({ ok: false, code: "forbidden:task" });
    expect((await taskRow(committed.taskOf("FIRE"))).status).toBe("waiting");
    expect(await inspectionOf(committed.caseId)).toBeUndefined();
  });

  it("approves at once from waiting, issues the licence and queues an inspection due 20 working days later by the calendar", async () => {
    // Friday 18 September 2026: the 20 working days skip 中秋 (25–27 Sept) and 国庆 (1–7 Oct) and count the make-up
    // working days of Sunday 20 Sept and Saturday 10 Oct, so they end on 22 October (plain Monday–Friday: 16 October).
    const { caseId, caseNumber, fire, inspection, taskOf } = await approvedOnCommitment(new Date("2026-09-18T02:00:00Z"));
    expect(await taskRow(fire)).toMatchObject({ status: "approved", kind: "review" });
    const licence = await licenceOf(fire);
    expect(await verifyLicence({ db: world.db, licenceId: licence.id, today: today() })).toMatchObject({ state: "valid" });
    expect(inspection).toMatchObject({
      kind: "inspection",
      status: "waiting",
      departmentId: (await taskRow(fire)).departmentId,
      serviceId: (await taskRow(fire)).serviceId,
      assigneeId: null,
      prerequisiteTaskIds: [fire],
      readyOn: "2026-09-18",
      dueDate: "2026-10-22",
      legalDueDate: "2026-10-22",
    });

    // In FIRE's queue as an inspection, unclaimed; in nobody else's, and closed to every other department.
    const fireQueue = await listQueue({ db: world.db, actor: await world.actorOf("clerk-fire"), view: "unclaimed" });
    expect(fireQueue.ok && fireQueue.rows.find((row) => row.id === inspection.id)).toMatchObject({ kind: "inspection", status: "waiting" });
    for (const username of ["clerk-amr", "clerk-urban"]) {
      const queue = await listQueue({ db: world.db, actor: await world.actorOf(username), view: "all" });
      expect(queue.ok && queue.rows.some((row) => row.id === inspection.id), username).toBe(false);
      expect(await getTaskForClerk({ db: world.db, actor: await world.actorOf(username), taskId: inspection.id }), username).toMatchObject({ ok: false, code: "forbidden:task" });
      expect(await claim(username, inspection.id), username).toMatchObject({ ok: false, code: "forbidden:task" });
    }

    // The case concludes with its reviews, the inspection still open; the applicant cannot withdraw it.
    await claim("clerk-amr", taskOf("AMR"));
    await decide("clerk-amr", taskOf("AMR"), "accept");
    await decide("clerk-amr", taskOf("AMR"), "approve");
    expect((await world.db.select().from(cases).where(eq(cases.id, caseId)))[0].status).toBe("concluded");
    expect(await withdrawCase({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber })).toEqual({ ok: false, code: "conflict:case-decided" });
    const seen = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    if (!seen.ok) throw new Error(seen.code);
    expect(seen.tasks.find((task) => task.id === inspection.id)).toMatchObject({ kind: "inspection", status: "waiting", dueDate: "2026-10-22" });
    expect(seen.events.map((event) => event.kind)).toEqual(expect.arrayContaining(["task-approved-on-commitment", "licence-issued", "inspection-opened", "case-concluded"]));
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });

    // The written decision is a 准予许可决定书 that says it was granted on the commitment and will be inspected.
    const [decision] = await world.db.select().from(caseDocuments).where(eq(caseDocuments.taskId, fire));
    expect(decision).toMatchObject({ kind: "approval-decision", content: { onCommitment: true } });
    const rendered = await renderCaseDocument({ db: world.db, actor: await world.actorOf("enterprise"), access: { caseNumber }, documentId: decision.id, locale: "zh-Hans", baseUrl: "https://onedoor.example" });
    if (!rendered.ok) throw new Error(rendered.code);
    expect((await readPdf(rendered.pdf)).text.replaceAll("\n", "")).toContain("申请人已书面承诺符合法定条件、标准");
  });

  it("approves from accepted too, but never twice", async () => {
    const { taskOf, caseId } = await newCase("yes");
    const fire = taskOf("FIRE");
    await claim("clerk-fire", fire);
    await decide("clerk-fire", fire, "accept");
    expect(await decide("clerk-fire", fire, "approve-on-commitment")).toMatchObject({ ok: true });
    expect(await decide("clerk-fire", fire, "approve-on-commitment")).toMatchObject({ ok: false, code: "conflict:transition-not-allowed" });
    expect((await world.db.select().from(tasks).where(eq(tasks.caseId, caseId))).filter((task) => task.kind === "inspection")).toHaveLength(1);
  });

  it("concludes a passed inspection and keeps the licence", async () => {
    const { caseId, fire, inspection } = await approvedOnCommitment();
    await claim("clerk-fire", inspection.id);
    // An inspection is neither accepted nor approved: it passes or fails.
    for (const action of ["accept", "approve", "approve-on-commitment"] as const) {
      expect(await decide("clerk-fire", inspection.id, action), action).toMatchObject({ ok: false, code: "conflict:transition-not-allowed" });
    }
    expect(await decide("clerk-amr", inspection.id, "pass")).toMatchObject({ ok: false, code: "forbidden:task" });
    expect(await decide("clerk-fire", inspection.id, "pass")).toMatchObject({ ok: true });
    expect(await taskRow(inspection.id)).toMatchObject({ status: "passed", reason: null });
    expect((await taskRow(inspection.id)).decidedAt).not.toBeNull();
    expect(await verifyLicence({ db: world.db, licenceId: (await licenceOf(fire)).id, today: today() })).toMatchObject({ state: "valid" });
    const told = await world.db.select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.topic, "inspection-passed")));
    expect(told).toHaveLength(1);
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });
  });

  it("revokes the licence of a failed inspection, with the findings, and tells the applicant", async () => {
    const { caseId, caseNumber, fire, inspection } = await approvedOnCommitment();
    await claim("clerk-fire", inspection.id);
    expect(await decide("clerk-fire", inspection.id, "fail", { reason: "  " })).toMatchObject({ ok: false, code: "invalid:reason-required" });
    const findings = "二号安全出口被货架堵塞，与承诺不符";
    expect(await decide("clerk-fire", inspection.id, "fail", { reason: findings })).toMatchObject({ ok: true });
    expect(await taskRow(inspection.id)).toMatchObject({ status: "failed", reason: findings });

    const licence = await licenceOf(fire);
    expect(licence).toMatchObject({ status: "revoked", revocationReason: findings });
    expect(await verifyLicence({ db: world.db, licenceId: licence.id, today: today() })).toMatchObject({ state: "revoked" });

    const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, caseId));
    const told = await world.db.select().from(outbox).where(and(eq(outbox.caseId, caseId), eq(outbox.topic, "inspection-failed")));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ companyId: caseRow.companyId, link: `/me/cases/${caseNumber}`, params: { caseNumber, reason: findings, number: licence.number } });

    const seen = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    if (!seen.ok) throw new Error(seen.code);
    expect(seen.tasks.find((task) => task.id === inspection.id)).toMatchObject({ kind: "inspection", status: "failed", reason: findings });
    expect(seen.events.slice(-2).map((event) => event.kind)).toEqual(["task-failed", "licence-revoked"]);
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });
  });
});
