/**
 * Reason templates (常用理由) in administration, on both databases: only an admin adds, changes, moves and removes
 * them; each language is required and limited; the order is the clerks' order; every change is in the change record
 * with its before and after, and what clerks are offered follows at once.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, reasonTemplates, services } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { REASON_TEMPLATE_MAX } from "@/lib/catalog/reason-template-rules";
import { listReasonTemplates } from "@/server/catalog/list-reason-templates";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { addReasonTemplate } from "./add-reason-template";
import { editReasonTemplate } from "./edit-reason-template";
import { findReasonTemplateForAdmin, listReasonTemplatesForAdmin, listServicesForReasons } from "./list-reason-templates-for-admin";
import { moveReasonTemplate } from "./move-reason-template";
import { removeReasonTemplate } from "./remove-reason-template";

const words = { textZhHans: "申请人未在本市参保。", textZhHant: "申請人未在本市參保。", textEn: "The applicant is not insured in this city." };

describe.each(testDatabaseKinds)("reason templates on %s", (kind) => {
  let world: TWorld;
  let serviceId: string;
  const offered = async () => (await listReasonTemplates({ db: world.db, serviceId, decision: "refuse" })).map((text) => text["zh-Hans"]);
  const lastChange = async () => (await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1))[0];
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    [{ id: serviceId }] = await world.db.select({ id: services.id }).from(services).where(eq(services.code, "HRSS-PROOF"));
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("lets only an admin read or change them", async () => {
    for (const username of ["clerk-hrss", "supervisor", "counter", "citizen"]) {
      const actor = await world.actorOf(username);
      expect(await listServicesForReasons({ db: world.db, actor })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await listReasonTemplatesForAdmin({ db: world.db, actor, serviceCode: "HRSS-PROOF" })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await addReasonTemplate({ db: world.db, actor, serviceCode: "HRSS-PROOF", decision: "refuse", input: words })).toEqual({ ok: false, code: "forbidden:role" });
    }
    const [template] = await world.db.select().from(reasonTemplates).limit(1);
    const clerk = await world.actorOf("clerk-hrss");
    expect(await editReasonTemplate({ db: world.db, actor: clerk, templateId: template.id, input: words })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await moveReasonTemplate({ db: world.db, actor: clerk, templateId: template.id, direction: "up" })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await removeReasonTemplate({ db: world.db, actor: clerk, templateId: template.id })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await world.db.select().from(adminChanges)).toEqual([]);
  });

  it("adds one at the end of the list, every language required and limited, and records it", async () => {
    const admin = await world.actorOf("admin");
    const before = await offered();
    const refused = await addReasonTemplate({ db: world.db, actor: admin, serviceCode: "HRSS-PROOF", decision: "refuse", input: { textZhHans: " ", textZhHant: "繁".repeat(REASON_TEMPLATE_MAX + 1), textEn: "ok" } });
    expect(refused).toEqual({ ok: false, code: "invalid:reason-template-required", fields: { textZhHans: "invalid:reason-template-required", textZhHant: "invalid:reason-template-too-long" } });
    expect(await addReasonTemplate({ db: world.db, actor: admin, serviceCode: "HRSS-PROOF", decision: "refuse", input: { ...words, textEn: "two\nlines" } })).toMatchObject({ ok: false, fields: { textEn: "invalid:text-line-break" } });
    expect(await addReasonTemplate({ db: world.db, actor: admin, serviceCode: "NO-SUCH", decision: "refuse", input: words })).toEqual({ ok: false, code: "not-found:service" });
    expect(await offered()).toEqual(before);
    const added = await addReasonTemplate({ db: world.db, actor: admin, serviceCode: "HRSS-PROOF", decision: "refuse", input: words });
    if (!added.ok) throw new Error(added.code);
    expect(await offered()).toEqual([...before, words.textZhHans]);
    expect(await lastChange()).toMatchObject({ entity: "reason-template", entityId: added.templateId, action: "create", before: null, after: { serviceCode: "HRSS-PROOF", decision: "refuse", text: { "zh-Hans": words.textZhHans, "zh-Hant": words.textZhHant, en: words.textEn } } });
  });

  it("changes its words, with before and after", async () => {
    const admin = await world.actorOf("admin");
    const [first] = await world.db.select().from(reasonTemplates).where(and(eq(reasonTemplates.serviceId, serviceId), eq(reasonTemplates.decision, "refuse"))).orderBy(asc(reasonTemplates.position)).limit(1);
    expect(await editReasonTemplate({ db: world.db, actor: admin, templateId: first.id, input: { ...words, textEn: "" } })).toMatchObject({ ok: false, fields: { textEn: "invalid:reason-template-required" } });
    expect(await editReasonTemplate({ db: world.db, actor: admin, templateId: "not-a-uuid", input: words })).toEqual({ ok: false, code: "not-found:reason-template" });
    const edited = await editReasonTemplate({ db: world.db, actor: admin, templateId: first.id, input: { ...words, textZhHans: "申请事项依法不需要办理参保缴费证明。" } });
    expect(edited).toEqual({ ok: true, templateId: first.id, serviceCode: "HRSS-PROOF" });
    expect((await offered())[0]).toBe("申请事项依法不需要办理参保缴费证明。");
    const change = await lastChange();
    expect(change).toMatchObject({ action: "edit", before: { text: first.text }, after: { text: { "zh-Hans": "申请事项依法不需要办理参保缴费证明。" } } });
    const found = await findReasonTemplateForAdmin({ db: world.db, actor: admin, templateId: first.id });
    expect(found.ok && found.serviceCode).toBe("HRSS-PROOF");
  });

  it("moves one up and down the clerks' list, and removes one", async () => {
    const admin = await world.actorOf("admin");
    const list = await offered();
    const rows = await world.db.select().from(reasonTemplates).where(and(eq(reasonTemplates.serviceId, serviceId), eq(reasonTemplates.decision, "refuse"))).orderBy(asc(reasonTemplates.position));
    const last = rows[rows.length - 1];
    expect(await moveReasonTemplate({ db: world.db, actor: admin, templateId: last.id, direction: "down" })).toEqual({ ok: true, serviceCode: "HRSS-PROOF", moved: false });
    expect(await moveReasonTemplate({ db: world.db, actor: admin, templateId: last.id, direction: "up" })).toEqual({ ok: true, serviceCode: "HRSS-PROOF", moved: true });
    const swapped = [...list];
    [swapped[list.length - 2], swapped[list.length - 1]] = [swapped[list.length - 1], swapped[list.length - 2]];
    expect(await offered()).toEqual(swapped);
    expect(await lastChange()).toMatchObject({ action: "move", entity: "reason-template" });
    expect(await removeReasonTemplate({ db: world.db, actor: admin, templateId: last.id })).toEqual({ ok: true, serviceCode: "HRSS-PROOF" });
    expect(await offered()).toEqual(swapped.filter((text) => text !== words.textZhHans));
    expect(await lastChange()).toMatchObject({ action: "remove", entityId: last.id, after: null, before: { text: { en: words.textEn } } });
    expect(await removeReasonTemplate({ db: world.db, actor: admin, templateId: last.id })).toEqual({ ok: false, code: "not-found:reason-template" });
    // The other decision's list is its own.
    const admins = await listReasonTemplatesForAdmin({ db: world.db, actor: admin, serviceCode: "HRSS-PROOF" });
    expect(admins.ok && admins.templates.refuse.map((row) => row.text["zh-Hans"])).toEqual(await offered());
    expect(admins.ok && admins.templates.reject.length).toBeGreaterThan(0);
  });
});
