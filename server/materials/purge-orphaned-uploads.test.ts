/**
 * Retention of uploads on both databases: a day-old upload nothing names is deleted; one a submitted case names (marked
 * by the submission itself), a draft or an open supplement names, one named by a case but unmarked, and a fresh one
 * all stay.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, departments, drafts, files, licences, supplementRequests, tasks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { ZMaterialField } from "@/lib/forms/definition";
import { restaurantAnswers } from "@/seed/sample-answers";
import { startDraft } from "@/server/drafts/start-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { onePixelPng } from "@/server/testing/access-world";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { ORPHAN_AFTER_MS, purgeOrphanedUploads } from "./purge-orphaned-uploads";
import { storeUpload } from "./store-upload";

const planField = ZMaterialField.parse({ key: "premisesFloorPlan", type: "material", label: { "zh-Hans": "材料", "zh-Hant": "材料", en: "Document" }, accept: ["image/png"], maxFiles: 3, maxSizeKb: 2048, licenceTypes: [] });

describe.each(testDatabaseKinds)("purging orphaned uploads on %s", (kind) => {
  let world: TWorld;
  const ids: Record<"orphan" | "fresh" | "submitted" | "drafted" | "supplement" | "unmarked", string> = { orphan: "", fresh: "", submitted: "", drafted: "", supplement: "", unmarked: "" };

  async function upload(name: string) {
    const stored = await storeUpload({ db: world.db, actor: await world.actorOf("enterprise"), field: planField, file: new File([onePixelPng], name) });
    if (!stored.ok) throw new Error(stored.reason);
    return stored.ref;
  }

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const enterprise = await world.actorOf("enterprise");
    const refs = { orphan: await upload("orphan.png"), fresh: await upload("fresh.png"), submitted: await upload("plan.png"), drafted: await upload("draft.png"), supplement: await upload("supplement.png"), unmarked: await upload("unmarked.png") };
    for (const [name, ref] of Object.entries(refs)) ids[name as keyof typeof ids] = ref.fileId;
    const [licence] = await world.db.select().from(licences).where(and(eq(licences.holderCompanyId, enterprise.companyIds[0]), eq(licences.type, "business-licence")));
    const submitted = await submitApplication({
      db: world.db,
      actor: enterprise,
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: { ...restaurantAnswers({ hasOutdoorSign: "no" }), premisesFloorPlan: [refs.submitted], businessLicence: [{ kind: "licence", licenceId: licence.id }] },
      idempotencyKey: randomUUID(),
      channel: "online",
    });
    if (!submitted.ok) throw new Error(submitted.code);
    const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, submitted.caseNumber));
    // A case that names a file without the mark (as a case written before the mark existed might): still kept.
    await world.db.update(cases).set({ answers: sql`${cases.answers} || jsonb_build_object('extraPlan', jsonb_build_array(jsonb_build_object('kind', 'file', 'fileId', ${refs.unmarked.fileId}::text)))` }).where(eq(cases.id, caseRow.id));
    const draft = await startDraft({ db: world.db, actor: enterprise, subjectCode: "BUNDLE-RESTAURANT" });
    if (!draft.ok) throw new Error(draft.code);
    await world.db.update(drafts).set({ answers: { premisesFloorPlan: [refs.drafted] } }).where(eq(drafts.id, draft.draftId));
    const [task] = await world.db.select({ id: tasks.id }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(and(eq(tasks.caseId, caseRow.id), eq(departments.code, "AMR")));
    const [clerk] = await world.db.select().from(users).where(eq(users.username, "clerk-amr"));
    await world.db.insert(supplementRequests).values({ taskId: task.id, caseId: caseRow.id, requestedById: clerk.id, items: [], status: "open", answers: { premisesFloorPlan: [refs.supplement] } });
    // Everything but the fresh one was uploaded two days ago.
    const old = new Date(Date.now() - 2 * ORPHAN_AFTER_MS);
    await world.db.update(files).set({ createdAt: old }).where(inArray(files.id, Object.entries(ids).filter(([name]) => name !== "fresh").map(([, id]) => id)));
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("marks the files a submission names as its case's, in the submission", async () => {
    const [row] = await world.db.select({ caseId: files.caseId }).from(files).where(eq(files.id, ids.submitted));
    expect(row.caseId).not.toBeNull();
    const [orphan] = await world.db.select({ caseId: files.caseId }).from(files).where(eq(files.id, ids.orphan));
    expect(orphan.caseId).toBeNull();
  });

  it("deletes only the day-old upload that nothing names, and nothing the second time", async () => {
    expect(await purgeOrphanedUploads({ db: world.db })).toEqual({ deleted: 1 });
    const left = (await world.db.select({ id: files.id }).from(files).where(inArray(files.id, Object.values(ids)))).map((row) => row.id);
    expect(left.sort()).toEqual(Object.entries(ids).filter(([name]) => name !== "orphan").map(([, id]) => id).sort());
    expect(await purgeOrphanedUploads({ db: world.db })).toEqual({ deleted: 0 });
  });

  it("takes a fresh upload once it is a day old and still named by nothing", async () => {
    expect(await purgeOrphanedUploads({ db: world.db, now: new Date(Date.now() + ORPHAN_AFTER_MS + 60_000) })).toEqual({ deleted: 1 });
    expect(await world.db.select({ id: files.id }).from(files).where(eq(files.id, ids.fresh))).toEqual([]);
  });
});
