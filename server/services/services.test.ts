import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, departments, services, serviceVersions } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedFormDefinition } from "@/seed/factories";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import type { TActor } from "@/server/auth/actor";
import { getGuide } from "@/server/catalog/get-guide";
import { listCatalog, listTopics } from "@/server/catalog/list-catalog";
import { startDraft } from "@/server/drafts/start-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { createService } from "./create-service";
import { discardServiceDraft } from "./discard-service-draft";
import { findServiceForAdmin } from "./find-service-for-admin";
import { listServicesForAdmin } from "./list-services-for-admin";
import { publishServiceDraft } from "./publish-service-draft";
import { saveServiceDraft } from "./save-service-draft";
import { guideOf } from "./service-guide";
import { guideInputOf, type TServicePost } from "./service-input";
import { setServiceRetired } from "./set-service-retired";

/** A whole guide as the edit form posts it: lists one item a line in each language, one material row. */
const guidePost = (overrides: TServicePost = {}): TServicePost => ({
  nameZhHans: "老年人优待证办理",
  nameZhHant: "老年人優待證辦理",
  nameEn: "Senior citizen card",
  summaryZhHans: "年满60周岁的本市户籍老年人可申领优待证。",
  summaryZhHant: "年滿60週歲的本市戶籍老年人可申領優待證。",
  summaryEn: "Residents aged 60 or over can get a senior citizen card.",
  topic: "social-security",
  conditionsZhHans: "年满60周岁\n本市户籍",
  conditionsZhHant: "年滿60週歲\n本市戶籍",
  conditionsEn: "Aged 60 or over\nRegistered in this city",
  "material-0-nameZhHans": "居民身份证",
  "material-0-nameZhHant": "居民身份證",
  "material-0-nameEn": "Resident ID card",
  "material-0-required": "yes",
  "material-0-copies": "1",
  "material-1-nameZhHans": "",
  "material-1-nameZhHant": "",
  "material-1-nameEn": "",
  "material-1-copies": "",
  feesZhHans: "不收费",
  feesZhHant: "不收費",
  feesEn: "Free",
  legalBasisZhHans: "《中华人民共和国老年人权益保障法》",
  legalBasisZhHant: "《中華人民共和國老年人權益保障法》",
  legalBasisEn: "Law on the Protection of the Rights and Interests of the Elderly",
  legalLimitDays: "10",
  promisedLimitDays: "5",
  stepsZhHans: "提交申请\n窗口审核\n领取优待证",
  stepsZhHant: "提交申請\n窗口審核\n領取優待證",
  stepsEn: "Apply\nThe counter checks it\nCollect the card",
  address: "人民大道 100 号 1 楼",
  hours: "周一至周五 9:00–17:00",
  phone: "021-12345678",
  ...overrides,
});

describe.each(testDatabaseKinds)("administration of services on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  let hrssId: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
    [{ id: hrssId }] = await world.db.select({ id: departments.id }).from(departments).where(eq(departments.code, "HRSS"));
  });
  afterAll(async () => {
    await world?.drop();
  });
  const lastChange = async () => (await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1))[0];
  const changeCount = async () => (await world.db.select().from(adminChanges)).length;
  const serviceRow = async (code: string) => (await world.db.select().from(services).where(eq(services.code, code)))[0];
  const newService = (overrides: TServicePost = {}) => ({ code: " hrss-senior-card ", nameZhHans: "老年人优待证办理", nameZhHant: "老年人優待證辦理", nameEn: "Senior citizen card", departmentId: hrssId, applicantType: "natural", kind: "promised", ...overrides });

  it("starts every seeded service as its published version 1, kept whole in service_versions", async () => {
    const rows = await world.db.select().from(services);
    const versions = await world.db.select().from(serviceVersions);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row).toMatchObject({ publishedVersion: 1, draft: null, retiredAt: null });
      expect(versions.find((version) => version.serviceId === row.id)).toMatchObject({ version: 1, guide: guideOf(row), publishedById: null });
    }
  });

  it("creates a service as an unpublished draft nobody else sees, recorded", async () => {
    const created = await createService({ db: world.db, actor: admin, input: newService() });
    expect(created).toEqual({ ok: true, code: "HRSS-SENIOR-CARD" });
    const row = await serviceRow("HRSS-SENIOR-CARD");
    expect(row).toMatchObject({ departmentId: hrssId, applicantType: "natural", kind: "promised", publishedVersion: 0, draft: null, name: { en: "Senior citizen card" } });
    expect(await lastChange()).toMatchObject({ actorId: admin.id, entity: "service", entityId: row.id, action: "create", before: null, after: { code: "HRSS-SENIOR-CARD", publishedVersion: 0 } });
    const catalog = await listCatalog({ db: world.db, filters: {} });
    expect(catalog.services.map((service) => service.code)).not.toContain("HRSS-SENIOR-CARD");
    expect(await getGuide({ db: world.db, code: "HRSS-SENIOR-CARD" })).toBeNull();
    expect(await startDraft({ db: world.db, actor: await world.actorOf("citizen"), subjectCode: "HRSS-SENIOR-CARD" })).toEqual({ ok: false, code: "not-found:service" });
    const listed = await listServicesForAdmin({ db: world.db, actor: admin, departmentCode: "HRSS" });
    expect(listed.ok && listed.services.map((service) => service.code)).toContain("HRSS-SENIOR-CARD");
    expect(listed.ok && listed.services.every((service) => service.departmentCode === "HRSS")).toBe(true);
  });

  it("refuses a taken code (a service's or a bundle's), a bad code, a retired department and missing choices, writing nothing", async () => {
    const before = await changeCount();
    for (const code of ["HRSS-PROOF", "bundle-restaurant"]) {
      expect(await createService({ db: world.db, actor: admin, input: newService({ code }) })).toEqual({ ok: false, code: "conflict:service-code-taken", fields: { code: "conflict:service-code-taken" } });
    }
    expect(await createService({ db: world.db, actor: admin, input: newService({ code: "HRSS--X", nameEn: " ", applicantType: "robot", kind: "" }) })).toEqual({
      ok: false,
      code: "invalid:service-code",
      fields: { code: "invalid:service-code", nameEn: "invalid:service-text-required", applicantType: "invalid:service-applicant-type", kind: "invalid:service-kind" },
    });
    const [retired] = await world.db.insert(departments).values({ code: "OLD", name: { "zh-Hans": "旧局", "zh-Hant": "舊局", en: "Old" }, shortName: { "zh-Hans": "旧局", "zh-Hant": "舊局", en: "Old" }, retiredAt: new Date() }).returning();
    expect(await createService({ db: world.db, actor: admin, input: newService({ code: "OLD-X", departmentId: retired.id }) })).toMatchObject({ ok: false, fields: { departmentId: "invalid:service-department" } });
    expect(await changeCount()).toBe(before);
  });

  it("refuses a guide with problems field by field, keeping the draft and guide as they were", async () => {
    const before = await changeCount();
    const row = await serviceRow("HRSS-SENIOR-CARD");
    const refused = await saveServiceDraft({
      db: world.db,
      actor: admin,
      code: "HRSS-SENIOR-CARD",
      input: guidePost({
        nameEn: "",
        topic: "parties",
        conditionsEn: "Aged 60 or over",
        "material-0-nameEn": "",
        "material-0-copies": "0",
        legalBasisZhHans: "",
        legalBasisZhHant: "",
        legalBasisEn: "",
        legalLimitDays: "1.5",
        promisedLimitDays: "366",
        phone: "call us",
        address: "a\u0000b",
      }),
    });
    expect(refused).toEqual({
      ok: false,
      code: "invalid:service-text-required",
      fields: {
        nameEn: "invalid:service-text-required",
        topic: "invalid:service-topic",
        conditions: "invalid:service-list-languages",
        "material-0-nameEn": "invalid:service-text-required",
        "material-0-copies": "invalid:service-material-copies",
        legalBasis: "invalid:service-list-required",
        legalLimitDays: "invalid:service-limit",
        promisedLimitDays: "invalid:service-limit",
        phone: "invalid:department-phone",
        address: "invalid:text-control-character",
      },
    });
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD", input: guidePost({ legalLimitDays: "5", promisedLimitDays: "6" }) })).toMatchObject({
      ok: false,
      fields: { promisedLimitDays: "invalid:service-promised-over-legal" },
    });
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "NO-SUCH-SERVICE", input: guidePost() })).toEqual({ ok: false, code: "not-found:service" });
    expect(await serviceRow("HRSS-SENIOR-CARD")).toEqual(row);
    expect(await changeCount()).toBe(before);
  });

  it("publishes the draft as version 1: the guide everything reads, with steps and venue; no form yet refuses applying clearly", async () => {
    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" })).toEqual({ ok: false, code: "conflict:service-no-draft" });
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD", input: guidePost() })).toEqual({ ok: true });
    const drafted = await serviceRow("HRSS-SENIOR-CARD");
    expect(drafted.draft).toMatchObject({ topic: "social-security", steps: [{ en: "Apply" }, { en: "The counter checks it" }, { en: "Collect the card" }], materials: [{ name: { en: "Resident ID card" }, required: true, copies: 1 }] });
    // The published columns are untouched until publishing.
    expect(drafted.publishedVersion).toBe(0);
    expect(await lastChange()).toMatchObject({ action: "edit-draft", before: { draft: null }, after: { draft: { name: { en: "Senior citizen card" } } } });

    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" })).toEqual({ ok: true, version: 1 });
    const published = await serviceRow("HRSS-SENIOR-CARD");
    expect(published).toMatchObject({ publishedVersion: 1, draft: null, topic: "social-security", legalLimitDays: 10, promisedLimitDays: 5, address: "人民大道 100 号 1 楼", phone: "021-12345678" });
    const [version] = await world.db.select().from(serviceVersions).where(eq(serviceVersions.serviceId, published.id));
    expect(version).toMatchObject({ version: 1, publishedById: admin.id, guide: guideOf(published) });
    expect(await lastChange()).toMatchObject({ action: "publish", before: { publishedVersion: 0 }, after: { publishedVersion: 1, guide: { topic: "social-security" } } });

    const guide = await getGuide({ db: world.db, code: "HRSS-SENIOR-CARD" });
    expect(guide).toMatchObject({ type: "service", hasForm: false, service: { steps: [{ "zh-Hans": "提交申请" }, {}, {}] } });
    expect((await listCatalog({ db: world.db, filters: { department: "HRSS" } })).services.map((service) => service.code)).toContain("HRSS-SENIOR-CARD");
    const citizen = await world.actorOf("citizen");
    expect(await startDraft({ db: world.db, actor: citizen, subjectCode: "HRSS-SENIOR-CARD" })).toEqual({ ok: false, code: "conflict:service-no-form" });
  });

  it("publishes a second draft as version 2, keeping version 1 readable", async () => {
    const first = await serviceRow("HRSS-SENIOR-CARD");
    const input = { ...guideInputOf(guideOf(first)), promisedLimitDays: "3", stepsEn: "Apply online\nThe counter checks it\nCollect the card", address: "" };
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD", input })).toEqual({ ok: true });
    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" })).toEqual({ ok: true, version: 2 });
    const second = await serviceRow("HRSS-SENIOR-CARD");
    expect(second).toMatchObject({ publishedVersion: 2, promisedLimitDays: 3, address: null, steps: [{ en: "Apply online" }, {}, {}] });
    const found = await findServiceForAdmin({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" });
    expect(found.ok && found.versions.map((version) => [version.version, version.guide.promisedLimitDays, version.publisherName])).toEqual([
      [2, 3, expect.any(String)],
      [1, 5, expect.any(String)],
    ]);
    expect(found.ok && found.formVersions).toBe(0);
  });

  it("discards a draft, leaving the published guide as it is", async () => {
    const before = await serviceRow("HRSS-SENIOR-CARD");
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD", input: guidePost({ feesEn: "Ten yuan" }) })).toEqual({ ok: true });
    expect(await discardServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" })).toEqual({ ok: true });
    const after = await serviceRow("HRSS-SENIOR-CARD");
    expect(after).toEqual({ ...before, draft: null, draftSavedAt: null });
    expect(await lastChange()).toMatchObject({ action: "discard-draft", before: { draft: { fees: { en: "Ten yuan" } } }, after: { draft: null } });
    expect(await discardServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD" })).toEqual({ ok: false, code: "conflict:service-no-draft" });
  });

  it("retires a service: out of the catalog, no new drafts or submissions; a bundle routed to it is refused; brought back", async () => {
    const citizen = await world.actorOf("citizen");
    // A draft begun before the service was retired cannot be submitted after.
    const begun = await startDraft({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF" });
    expect(begun.ok).toBe(true);
    expect(await setServiceRetired({ db: world.db, actor: admin, code: "HRSS-PROOF", retired: true })).toEqual({ ok: true });
    expect(await lastChange()).toMatchObject({ entity: "service", action: "retire", before: { retiredAt: null }, after: { retiredAt: expect.any(String) } });
    expect(await setServiceRetired({ db: world.db, actor: admin, code: "HRSS-PROOF", retired: true })).toEqual({ ok: false, code: "conflict:service-retired" });
    expect((await listCatalog({ db: world.db, filters: {} })).services.map((service) => service.code)).not.toContain("HRSS-PROOF");
    expect((await listCatalog({ db: world.db, filters: { q: "参保缴费证明" } })).services).toEqual([]);
    expect(await getGuide({ db: world.db, code: "HRSS-PROOF" })).toBeNull();
    const later = new Date(Date.now() + 60_000);
    expect(await startDraft({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF", now: later })).toEqual({ ok: false, code: "conflict:service-retired" });
    const submit = () => submitApplication({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: crypto.randomUUID(), channel: "online", now: later });
    expect(await submit()).toEqual({ ok: false, code: "conflict:service-retired" });

    // The restaurant bundle stays offered; only a case its routing sends to the retired signage service is refused.
    expect(await setServiceRetired({ db: world.db, actor: admin, code: "URBAN-OUTDOOR-SIGN", retired: true })).toEqual({ ok: true });
    expect((await listCatalog({ db: world.db, filters: {} })).bundles.map((bundle) => bundle.code)).toContain("BUNDLE-RESTAURANT");
    const enterprise = await world.actorOf("enterprise");
    const restaurant = (hasOutdoorSign: string) =>
      submitApplication({ db: world.db, actor: enterprise, subjectCode: "BUNDLE-RESTAURANT", rawAnswers: restaurantAnswers({ shopName: `退役事项小馆${hasOutdoorSign}`, hasOutdoorSign }), idempotencyKey: crypto.randomUUID(), channel: "online", now: later });
    expect(await restaurant("yes")).toEqual({ ok: false, code: "conflict:service-retired" });
    expect(await restaurant("no")).toMatchObject({ ok: true });

    expect(await setServiceRetired({ db: world.db, actor: admin, code: "HRSS-PROOF", retired: false })).toEqual({ ok: true });
    expect(await lastChange()).toMatchObject({ action: "restore", after: { retiredAt: null } });
    expect(await setServiceRetired({ db: world.db, actor: admin, code: "HRSS-PROOF", retired: false })).toEqual({ ok: false, code: "conflict:service-not-retired" });
    expect(await submit()).toMatchObject({ ok: true });
    expect(await listTopics({ db: world.db })).toContain("social-security");
  });

  it("is the admin's alone: a clerk, counter clerk or supervisor is refused everything and writes nothing", async () => {
    const before = await changeCount();
    await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SENIOR-CARD", input: guidePost() });
    const afterDraft = await changeCount();
    expect(afterDraft).toBe(before + 1);
    for (const username of ["clerk-hrss", "counter", "supervisor", "citizen"]) {
      const actor = await world.actorOf(username);
      const code = "HRSS-SENIOR-CARD";
      expect(await createService({ db: world.db, actor, input: newService({ code: "HRSS-OTHER" }) })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await saveServiceDraft({ db: world.db, actor, code, input: guidePost() })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await publishServiceDraft({ db: world.db, actor, code })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await discardServiceDraft({ db: world.db, actor, code })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await setServiceRetired({ db: world.db, actor, code, retired: true })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await listServicesForAdmin({ db: world.db, actor })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await findServiceForAdmin({ db: world.db, actor, code })).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await changeCount()).toBe(afterDraft);
    expect((await serviceRow("HRSS-SENIOR-CARD")).draft).not.toBeNull();
  });

  it("lets a citizen apply once the new service's form has a version", async () => {
    await seedFormDefinition(world.db, {
      subjectType: "service",
      subjectCode: "HRSS-SENIOR-CARD",
      definition: { schemaVersion: 1, pages: [{ key: "about", title: { "zh-Hans": "申请", "zh-Hant": "申請", en: "Apply" }, sections: [{ key: "about", fields: [{ key: "note", type: "text", label: { "zh-Hans": "备注", "zh-Hant": "備註", en: "Note" }, required: false, maxLength: 50 }] }] }] },
    });
    const started = await startDraft({ db: world.db, actor: await world.actorOf("citizen"), subjectCode: "HRSS-SENIOR-CARD", now: new Date(Date.now() + 120_000) });
    expect(started).toMatchObject({ ok: true, firstPageKey: "about" });
    const [form] = await world.db.select().from(services).where(and(eq(services.code, "HRSS-SENIOR-CARD")));
    expect(form.publishedVersion).toBe(2);
  });
});
