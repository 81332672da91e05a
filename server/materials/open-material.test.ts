/**
 * Opening materials: a clerk from a task of their department whose case names the file or wallet licence, each open
 * recorded on the trail (who, when, which material, which task); the applicant from their own case and their own
 * draft. Everyone else — another department, another applicant or company, another role, a made-up or malformed
 * id — finds nothing, and nothing is written.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, departments, drafts, licences, supplementRequests, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { ZMaterialField } from "@/lib/forms/definition";
import { restaurantAnswers } from "@/seed/sample-answers";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { startDraft } from "@/server/drafts/start-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { checkAnswerLicences } from "@/server/licences/check-answer-licences";
import { revokeLicence } from "@/server/licences/revoke-licence";
import { onePixelPng } from "@/server/testing/access-world";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { caseNamesMaterial } from "./material-references";
import { openDraftMaterial } from "./open-draft-material";
import { openLicenceMaterialForClerk } from "./open-licence-material-for-clerk";
import { openMaterialForApplicant } from "./open-material-for-applicant";
import { openMaterialForClerk } from "./open-material-for-clerk";
import { storeUpload } from "./store-upload";

const planField = ZMaterialField.parse({ key: "premisesFloorPlan", type: "material", label: { "zh-Hans": "材料", "zh-Hant": "材料", en: "Document" }, accept: ["image/png"], maxFiles: 3, maxSizeKb: 2048, licenceTypes: [] });
const notFound = { ok: false, code: "not-found:material" };

describe.each(testDatabaseKinds)("opening materials on %s", (kind) => {
  let world: TWorld;
  let restaurant: { caseId: string; caseNumber: string; taskOf: (code: string) => string; fileId: string; licenceId: string; strayFileId: string };

  async function upload(username: string, name: string) {
    const stored = await storeUpload({ db: world.db, actor: await world.actorOf(username), field: planField, file: new File([onePixelPng], name) });
    if (!stored.ok) throw new Error(stored.reason);
    return stored.ref;
  }
  async function viewEvents(caseId: string) {
    return world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, "material-viewed")));
  }

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const enterprise = await world.actorOf("enterprise");
    const plan = await upload("enterprise", "平面图.png");
    const stray = await upload("enterprise", "other.png");
    const [licence] = await world.db.select().from(licences).where(and(eq(licences.holderCompanyId, enterprise.companyIds[0]), eq(licences.type, "business-licence")));
    const submitted = await submitApplication({
      db: world.db,
      actor: enterprise,
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: { ...restaurantAnswers({ hasOutdoorSign: "no" }), premisesFloorPlan: [plan], businessLicence: [{ kind: "licence", licenceId: licence.id }] },
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (!submitted.ok) throw new Error(submitted.code);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, submitted.caseNumber));
    const rows = await world.db.select({ id: tasks.id, code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, caseRow.id));
    restaurant = { caseId: caseRow.id, caseNumber: caseRow.number, taskOf: (code) => rows.find((row) => row.code === code)!.id, fileId: plan.fileId, licenceId: licence.id, strayFileId: stray.fileId };
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("gives a clerk of the task's department the file as stored, and records who opened which file for which task", async () => {
    const clerk = await world.actorOf("clerk-amr");
    const before = new Date();
    const opened = await openMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR"), fileId: restaurant.fileId });
    expect(opened).toMatchObject({ ok: true, file: { name: "平面图.png", mediaType: "image/png" } });
    if (!opened.ok) return;
    expect(Buffer.from(opened.file.content)).toEqual(onePixelPng);

    const [event] = await viewEvents(restaurant.caseId);
    expect(event).toMatchObject({ actorId: clerk.id, taskId: restaurant.taskOf("AMR"), public: true, data: { kind: "file", fileId: restaurant.fileId, name: "平面图.png" } });
    expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(await verifyCaseTrail({ db: world.db, caseId: restaurant.caseId })).toMatchObject({ ok: true });

    // Every open is recorded, an id in capitals too.
    await openMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR").toUpperCase(), fileId: restaurant.fileId.toUpperCase() });
    expect(await viewEvents(restaurant.caseId)).toHaveLength(2);
  });

  it("finds nothing, and records nothing, for anyone else or any other file", async () => {
    const before = (await viewEvents(restaurant.caseId)).length;
    const amrTask = restaurant.taskOf("AMR");
    const attempts = [
      // Another department's clerk, on this department's task; one with no task in the case.
      { actor: await world.actorOf("clerk-fire"), taskId: amrTask, fileId: restaurant.fileId },
      { actor: await world.actorOf("clerk-tax"), taskId: amrTask, fileId: restaurant.fileId },
      // A file the case does not name (the same company's other upload), and one that does not exist.
      { actor: await world.actorOf("clerk-amr"), taskId: amrTask, fileId: restaurant.strayFileId },
      { actor: await world.actorOf("clerk-amr"), taskId: amrTask, fileId: randomUUID() },
      // Malformed ids; the applicant themselves and a supervisor on the clerk's route.
      { actor: await world.actorOf("clerk-amr"), taskId: "x' or 1=1 --", fileId: restaurant.fileId },
      { actor: await world.actorOf("clerk-amr"), taskId: amrTask, fileId: "../../etc/passwd" },
      { actor: await world.actorOf("enterprise"), taskId: amrTask, fileId: restaurant.fileId },
      { actor: await world.actorOf("supervisor"), taskId: amrTask, fileId: restaurant.fileId },
    ];
    for (const attempt of attempts) expect(await openMaterialForClerk({ db: world.db, ...attempt })).toEqual(notFound);
    expect(await openLicenceMaterialForClerk({ db: world.db, actor: await world.actorOf("clerk-fire"), taskId: amrTask, licenceId: restaurant.licenceId, locale: "en", origin: "https://onedoor.example" })).toEqual(notFound);
    expect(await viewEvents(restaurant.caseId)).toHaveLength(before);
  });

  it("opens only the materials of the department's own part of a bundle's form (最小必要)", async () => {
    // The floor plan is asked by the food licence: the fire clerk, with a task of their own on the case, gets nothing.
    const events = (await viewEvents(restaurant.caseId)).length;
    expect(await openMaterialForClerk({ db: world.db, actor: await world.actorOf("clerk-fire"), taskId: restaurant.taskOf("FIRE"), fileId: restaurant.fileId })).toEqual(notFound);
    expect(
      await openLicenceMaterialForClerk({ db: world.db, actor: await world.actorOf("clerk-fire"), taskId: restaurant.taskOf("FIRE"), licenceId: restaurant.licenceId, locale: "en", origin: "https://onedoor.example" }),
    ).toEqual(notFound);
    expect(await viewEvents(restaurant.caseId)).toHaveLength(events);
    const namedBy = async (fieldKeys?: string[]) =>
      (await world.db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, restaurant.caseId), caseNamesMaterial({ kind: "file", fileId: restaurant.fileId }, { fieldKeys })))).length;
    expect(await namedBy()).toBe(1);
    expect(await namedBy(["premisesFloorPlan"])).toBe(1);
    expect(await namedBy(["shopName", "businessLicence"])).toBe(0);
    expect(await namedBy([])).toBe(0);
  });

  it("opens a file sent back in a supplement, but not one still being written", async () => {
    const clerk = await world.actorOf("clerk-amr");
    const enterprise = await world.actorOf("enterprise");
    const sent = await upload("enterprise", "corrected.png");
    const draftOnly = await upload("enterprise", "unsent.png");
    const base = { taskId: restaurant.taskOf("AMR"), caseId: restaurant.caseId, requestedById: clerk.id, items: [{ key: "premisesFloorPlan", note: "请补正" }] };
    await world.db.insert(supplementRequests).values([
      { ...base, status: "answered", answers: { premisesFloorPlan: [sent] }, answeredById: enterprise.id, answeredAt: new Date() },
      { ...base, status: "open", answers: { premisesFloorPlan: [draftOnly] } },
    ]);
    expect(await openMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR"), fileId: sent.fileId })).toMatchObject({ ok: true, file: { name: "corrected.png" } });
    expect(await openMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR"), fileId: draftOnly.fileId })).toEqual(notFound);
  });

  it("prints a wallet licence given as a material for the same clerks, records the open, and shows its verification", async () => {
    const clerk = await world.actorOf("clerk-amr");
    const [licence] = await world.db.select().from(licences).where(eq(licences.id, restaurant.licenceId));
    const printed = await openLicenceMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR"), licenceId: restaurant.licenceId, locale: "en", origin: "https://onedoor.example" });
    expect(printed).toMatchObject({ ok: true, number: licence.number });
    if (!printed.ok) return;
    expect(Buffer.from(printed.pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const events = await viewEvents(restaurant.caseId);
    expect(events.at(-1)).toMatchObject({ actorId: clerk.id, taskId: restaurant.taskOf("AMR"), data: { kind: "licence", licenceId: licence.id, number: licence.number } });

    // A licence the case does not name (the citizen's household register) is not found.
    const [other] = await world.db.select().from(licences).where(eq(licences.type, "household-register"));
    expect(await openLicenceMaterialForClerk({ db: world.db, actor: clerk, taskId: restaurant.taskOf("AMR"), licenceId: other.id, locale: "en", origin: "https://onedoor.example" })).toEqual(notFound);

    const [caseRow] = await world.db.select().from(cases).where(eq(cases.id, restaurant.caseId));
    const today = new Date().toISOString().slice(0, 10);
    expect(await checkAnswerLicences({ db: world.db, answers: caseRow.answers, today })).toEqual({ [licence.id]: "valid" });
    expect(await checkAnswerLicences({ db: world.db, answers: caseRow.answers, today: "2999-01-01" })).toEqual({ [licence.id]: licence.validUntil ? "expired" : "valid" });
    // Altered in the register after signing: forged, as /verify says.
    await world.db.execute(sql`update licences set holder_name = 'someone else' where id = ${licence.id}`);
    expect(await checkAnswerLicences({ db: world.db, answers: caseRow.answers, today })).toEqual({ [licence.id]: "forged" });
    await world.db.execute(sql`update licences set holder_name = ${licence.holderName} where id = ${licence.id}`);
    expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: licence.id, reason: "吊销" })).toMatchObject({ ok: true });
    expect(await checkAnswerLicences({ db: world.db, answers: caseRow.answers, today })).toEqual({ [licence.id]: "revoked" });
  });

  it("gives the applicant and their company's staff the case's files, without recording their own look", async () => {
    const before = (await viewEvents(restaurant.caseId)).length;
    for (const username of ["enterprise", "agent"]) {
      expect(await openMaterialForApplicant({ db: world.db, actor: await world.actorOf(username), caseNumber: restaurant.caseNumber, fileId: restaurant.fileId })).toMatchObject({ ok: true, file: { name: "平面图.png" } });
    }
    for (const username of ["enterprise2", "citizen", "clerk-amr"]) {
      expect(await openMaterialForApplicant({ db: world.db, actor: await world.actorOf(username), caseNumber: restaurant.caseNumber, fileId: restaurant.fileId })).toEqual(notFound);
    }
    const enterprise = await world.actorOf("enterprise");
    expect(await openMaterialForApplicant({ db: world.db, actor: enterprise, caseNumber: restaurant.caseNumber, fileId: restaurant.strayFileId })).toEqual(notFound);
    expect(await openMaterialForApplicant({ db: world.db, actor: enterprise, caseNumber: "OD' or 1=1", fileId: restaurant.fileId })).toEqual(notFound);
    expect(await viewEvents(restaurant.caseId)).toHaveLength(before);
  });

  it("gives the applicant the files of their own draft only", async () => {
    const citizen = await world.actorOf("citizen");
    const started = await startDraft({ db: world.db, actor: citizen, subjectCode: "BUNDLE-NEWBORN" });
    if (!started.ok) throw new Error(started.code);
    const photo = await upload("citizen", "baby.png");
    const removed = await upload("citizen", "old.png");
    await world.db.update(drafts).set({ answers: { photo: [photo] } }).where(eq(drafts.id, started.draftId));

    expect(await openDraftMaterial({ db: world.db, actor: citizen, draftId: started.draftId, fileId: photo.fileId })).toMatchObject({ ok: true, file: { name: "baby.png" } });
    // A file no longer on the draft, another person, a made-up draft.
    expect(await openDraftMaterial({ db: world.db, actor: citizen, draftId: started.draftId, fileId: removed.fileId })).toEqual(notFound);
    expect(await openDraftMaterial({ db: world.db, actor: await world.actorOf("citizen2"), draftId: started.draftId, fileId: photo.fileId })).toEqual(notFound);
    expect(await openDraftMaterial({ db: world.db, actor: citizen, draftId: randomUUID(), fileId: photo.fileId })).toEqual(notFound);
    // Someone else's upload named in one's own draft (a forged save) is not theirs to open.
    await world.db.update(drafts).set({ answers: { photo: [{ kind: "file", fileId: restaurant.fileId, name: "x.png", mediaType: "image/png", size: 1 }] } }).where(eq(drafts.id, started.draftId));
    expect(await openDraftMaterial({ db: world.db, actor: citizen, draftId: started.draftId, fileId: restaurant.fileId })).toEqual(notFound);
  });
});
