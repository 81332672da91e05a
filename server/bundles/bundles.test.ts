import { and, desc, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, bundleItems, bundles, cases, departments, formDefinitions, services, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { ZMaterialField } from "@/lib/forms/definition";
import { newbornAnswers, restaurantAnswers } from "@/seed/sample-answers";
import type { TActor } from "@/server/auth/actor";
import { listCatalog } from "@/server/catalog/list-catalog";
import { startDraft } from "@/server/drafts/start-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { storeUpload } from "@/server/materials/store-upload";
import { forgetReferences } from "@/server/reference-cache";
import { onePixelPng } from "@/server/testing/access-world";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { addBundleItem } from "./add-bundle-item";
import { createBundle } from "./create-bundle";
import { editBundleItem } from "./edit-bundle-item";
import { findBundleForAdmin } from "./find-bundle-for-admin";
import { listBundlesForAdmin } from "./list-bundles-for-admin";
import { moveBundleItem } from "./move-bundle-item";
import { removeBundleItem } from "./remove-bundle-item";
import { retireBundle } from "./retire-bundle";
import { tryBundleRouting } from "./try-bundle-routing";

const RESTAURANT = "BUNDLE-RESTAURANT";
const NEWBORN = "BUNDLE-NEWBORN";
const photoField = ZMaterialField.parse({ key: "photo", type: "material", label: { "zh-Hans": "照片", "zh-Hant": "照片", en: "Photo" }, required: true, accept: ["image/png"], maxFiles: 1, maxSizeKb: 2048, licenceTypes: [] });
const bigRestaurant = { ">": [{ var: "seats" }, 50] };
const motherHousehold = { "==": [{ var: "householdOf" }, "mother"] };

describe.each(testDatabaseKinds)("administration of bundles on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  let enterprise: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
    enterprise = await world.actorOf("enterprise");
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** Everything a bundle change may write: its items, its form versions, the change record. */
  async function snapshot(code = RESTAURANT) {
    const [bundle] = await world.db.select().from(bundles).where(eq(bundles.code, code));
    const items = await world.db.select().from(bundleItems).where(eq(bundleItems.bundleId, bundle.id)).orderBy(bundleItems.position);
    const forms = await world.db.select({ id: formDefinitions.id }).from(formDefinitions).where(eq(formDefinitions.subjectCode, code));
    const changes = await world.db.select({ id: adminChanges.id }).from(adminChanges);
    return { bundle, items, forms: forms.length, changes: changes.length };
  }
  async function latestComposed(code = RESTAURANT) {
    const [form] = await world.db
      .select()
      .from(formDefinitions)
      .where(and(eq(formDefinitions.subjectType, "bundle"), eq(formDefinitions.subjectCode, code)))
      .orderBy(desc(formDefinitions.version))
      .limit(1);
    return form;
  }
  async function submitRestaurant(overrides: Record<string, string>) {
    const result = await submitApplication({ db: world.db, actor: enterprise, subjectCode: RESTAURANT, rawAnswers: restaurantAnswers(overrides), idempotencyKey: randomUUID(), channel: "online" });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [row] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
    const reached = await world.db.select({ code: departments.code }).from(tasks).innerJoin(departments, eq(departments.id, tasks.departmentId)).where(eq(tasks.caseId, row.id));
    return { case: row, departments: reached.map((task) => task.code).sort() };
  }

  it("refuses a clerk, a counter clerk and a supervisor every bundle use case, and writes nothing", async () => {
    const before = await snapshot();
    for (const username of ["clerk-amr", "counter", "supervisor"]) {
      const actor = await world.actorOf(username);
      const refused = { ok: false, code: "forbidden:role" };
      expect(await listBundlesForAdmin({ db: world.db, actor })).toMatchObject(refused);
      expect(await findBundleForAdmin({ db: world.db, actor, bundleCode: RESTAURANT })).toMatchObject(refused);
      expect(await addBundleItem({ db: world.db, actor, bundleCode: RESTAURANT, serviceCode: "HEALTH-PUBLIC-PLACE", ruleText: "" })).toMatchObject(refused);
      expect(await removeBundleItem({ db: world.db, actor, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN" })).toMatchObject(refused);
      expect(await moveBundleItem({ db: world.db, actor, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", direction: "up" })).toMatchObject(refused);
      expect(await editBundleItem({ db: world.db, actor, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", input: { ruleText: "", dependsOn: [], excludeFields: [] } })).toMatchObject(refused);
      expect(await tryBundleRouting({ db: world.db, actor, bundleCode: RESTAURANT, answersText: "{}" })).toMatchObject(refused);
      expect(await retireBundle({ db: world.db, actor, bundleCode: RESTAURANT })).toMatchObject(refused);
      expect(await createBundle({ db: world.db, actor, input: { code: "BUNDLE-X" } })).toMatchObject(refused);
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    // The parser's own words differ between Node versions; that it names JSON is what the admin needs.
    ["not JSON", "{seats > 50}", "invalid:routing-rule-json", /JSON/],
    ["an operator the engine refuses", '{"method": [{"var": "seats"}, "toString"]}', "invalid:routing-rule", 'rule: operator "method" is not allowed'],
    ["an object of two operators", '{"==": [1, 1], "!=": [1, 2]}', "invalid:routing-rule", "rule: an operation object must have exactly one operator, found 2"],
    ["a list, not a rule", "[1, 2]", "invalid:routing-rule", "a rule must be an operation object"],
    ["a field the bundle does not ask", '{"==": [{"var": "numberOfDragons"}, 3]}', "invalid:routing-rule-field", "numberOfDragons"],
    ["a field of the prototype", '{"==": [{"var": "constructor"}, 1]}', "invalid:routing-rule", 'rule.==[0].var: "var" may not read "constructor"'],
  ])("refuses a rule that is %s with its reason, and changes nothing", async (_what, ruleText, code, detail) => {
    const before = await snapshot();
    const result = await editBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", input: { ruleText, dependsOn: [], excludeFields: [] } });
    expect(result).toMatchObject({ ok: false, code, field: "rule" });
    expect((result as { detail?: string }).detail).toMatch(detail);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a dependency on itself, on a stranger, or round in a circle, and changes nothing", async () => {
    const before = await snapshot();
    const edit = (serviceCode: string, dependsOn: string[]) => editBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode, input: { ruleText: "", dependsOn, excludeFields: serviceCode === "AMR-FOOD-LICENCE" ? ["businessType"] : ["venueType"] } });
    expect(await edit("AMR-FOOD-LICENCE", ["AMR-FOOD-LICENCE"])).toMatchObject({ ok: false, code: "invalid:bundle-dependency-self", field: "dependsOn" });
    expect(await edit("AMR-FOOD-LICENCE", ["HRSS-PROOF"])).toMatchObject({ ok: false, code: "invalid:bundle-dependency", detail: "HRSS-PROOF" });
    // FIRE waits on AMR; AMR waiting on FIRE closes the circle.
    expect(await edit("FIRE-SAFETY-CHECK", ["AMR-FOOD-LICENCE"])).toMatchObject({ ok: true });
    const afterFirst = await snapshot();
    expect(await edit("AMR-FOOD-LICENCE", ["FIRE-SAFETY-CHECK"])).toMatchObject({ ok: false, code: "invalid:bundle-dependency-cycle", detail: "AMR-FOOD-LICENCE → FIRE-SAFETY-CHECK → AMR-FOOD-LICENCE" });
    expect(await snapshot()).toEqual(afterFirst);
    // While FIRE waits on it, AMR cannot leave the bundle.
    expect(await removeBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "AMR-FOOD-LICENCE" })).toMatchObject({ ok: false, code: "conflict:bundle-item-depended-on", detail: "FIRE-SAFETY-CHECK" });
    expect(await edit("FIRE-SAFETY-CHECK", [])).toMatchObject({ ok: true });
    expect((await snapshot()).items).toEqual(before.items);
  });

  it("saves an unchanged item without a new form version or a record", async () => {
    const before = await snapshot();
    const result = await editBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", input: { ruleText: '{"==": [{"var": "hasOutdoorSign"}, true]}', dependsOn: [], excludeFields: [] } });
    expect(result).toMatchObject({ ok: true });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a service of another applicant type, one already in, and an exclusion that is no question of the service", async () => {
    const before = await snapshot();
    expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "HRSS-PROOF", ruleText: "" })).toMatchObject({ ok: false, code: "invalid:bundle-service", field: "service" });
    expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "FIRE-SAFETY-CHECK", ruleText: "" })).toMatchObject({ ok: false, code: "conflict:bundle-service-included" });
    expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "NO-SUCH", ruleText: "" })).toMatchObject({ ok: false, code: "invalid:bundle-service" });
    expect(
      await editBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", input: { ruleText: "", dependsOn: [], excludeFields: ["shopName2"] } }),
    ).toMatchObject({ ok: false, code: "invalid:bundle-exclude-fields", field: "excludeFields", detail: "shopName2" });
    expect(await snapshot()).toEqual(before);
  });

  it("offers and takes only services the public may apply for: not a retired one, not one never published", async () => {
    const before = await snapshot();
    const offered = async () => {
      const found = await findBundleForAdmin({ db: world.db, actor: admin, bundleCode: NEWBORN });
      if (!found.ok) throw new Error(found.code);
      return found.candidates.map((candidate) => candidate.code);
    };
    expect(await offered()).toContain("HRSS-PROOF");
    for (const change of [{ retiredAt: new Date() }, { publishedVersion: 0 }]) {
      await world.db.update(services).set(change).where(eq(services.code, "HRSS-PROOF"));
      expect(await offered()).not.toContain("HRSS-PROOF");
      expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: NEWBORN, serviceCode: "HRSS-PROOF", ruleText: "" })).toMatchObject({ ok: false, code: "invalid:bundle-service", field: "service" });
      await world.db.update(services).set({ retiredAt: null, publishedVersion: 1 }).where(eq(services.code, "HRSS-PROOF"));
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a change the form cannot compose, with the composer's reasons, and keeps everything as it was", async () => {
    const before = await snapshot();
    // The sign's own questions are asked only with its page: a rule of the food licence, asked earlier, cannot read them.
    const result = await editBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "AMR-FOOD-LICENCE", input: { ruleText: '{"==": [{"var": "signText"}, "x"]}', dependsOn: [], excludeFields: ["businessType"] } });
    expect(result).toMatchObject({ ok: false, code: "invalid:bundle-composition" });
    expect((result as { issues?: { path: string }[] }).issues?.[0].path).toMatch(/^AMR-FOOD-LICENCE\/appliesWhen/);
    expect(await snapshot()).toEqual(before);
  });

  it("tries a rule with intake's own routing: the departments shown are the departments a submitted case reaches", async () => {
    const samples = [
      { hasOutdoorSign: "yes", businessArea: "120" },
      { hasOutdoorSign: "no", businessArea: "120" },
      { hasOutdoorSign: "no", businessArea: "800" },
      { hasOutdoorSign: "yes", businessArea: "501" },
    ];
    for (const sample of samples) {
      const typed = { hasOutdoorSign: sample.hasOutdoorSign === "yes", businessArea: Number(sample.businessArea) };
      const tried = await tryBundleRouting({ db: world.db, actor: admin, bundleCode: RESTAURANT, answersText: JSON.stringify(typed) });
      if (!tried.ok) throw new Error(JSON.stringify(tried));
      const submitted = await submitRestaurant(sample);
      expect(tried.routes.filter((route) => route.applies).map((route) => route.department.code).sort(), JSON.stringify(sample)).toEqual(submitted.departments);
    }
    // The rule being edited stands in for the stored one, and says why.
    const tried = await tryBundleRouting({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", ruleText: '{"<": [{"var": "seats"}, 10]}', answersText: '{"seats": 5, "hasOutdoorSign": false}' });
    expect(tried).toMatchObject({ ok: true });
    if (!tried.ok) return;
    expect(tried.routes.find((route) => route.code === "URBAN-OUTDOOR-SIGN")).toMatchObject({ applies: true, reason: "rule-held", tried: true, department: { code: "URBAN" } });
    expect(tried.routes.find((route) => route.code === "AMR-FOOD-LICENCE")).toMatchObject({ applies: true, reason: "always" });
    expect(tried.routes.find((route) => route.code === "ENV-EIA-FILING")).toMatchObject({ applies: false, reason: "rule-not-held" });
    expect(await tryBundleRouting({ db: world.db, actor: admin, bundleCode: RESTAURANT, answersText: "[1]" })).toMatchObject({ ok: false, code: "invalid:sample-answers", field: "answers" });
    expect(await tryBundleRouting({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "URBAN-OUTDOOR-SIGN", ruleText: "{", answersText: "{}" })).toMatchObject({ ok: false, code: "invalid:routing-rule-json" });
  });

  it("refuses adding a service whose questions the form cannot take, with the composer's reasons", async () => {
    const before = await snapshot();
    const result = await addBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "HEALTH-PUBLIC-PLACE", ruleText: JSON.stringify(bigRestaurant) });
    expect(result).toMatchObject({ ok: false, code: "invalid:bundle-composition" });
    expect(JSON.stringify((result as { issues?: unknown }).issues)).toContain("applicantMobile");
    expect(await snapshot()).toEqual(before);
  });

  it("adds a service with a rule: the form is composed again in the same change, a new case meeting the rule reaches its department, earlier cases keep theirs", async () => {
    const citizen = await world.actorOf("citizen");
    async function submitNewborn(overrides: Record<string, unknown>) {
      const photo = await storeUpload({ db: world.db, actor: citizen, field: photoField, file: new File([onePixelPng], "baby.png") });
      if (!photo.ok) throw new Error("photo refused");
      const rawAnswers = newbornAnswers({ photo: [photo.ref], ...overrides });
      const result = await submitApplication({ db: world.db, actor: citizen, subjectCode: NEWBORN, rawAnswers, idempotencyKey: randomUUID(), channel: "online" });
      if (!result.ok) throw new Error(JSON.stringify(result));
      const [row] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
      const reached = await world.db.select({ code: services.code }).from(tasks).innerJoin(services, eq(services.id, tasks.serviceId)).where(eq(tasks.caseId, row.id));
      return { case: row, services: reached.map((task) => task.code).sort() };
    }
    const earlier = await submitNewborn({ householdOf: "mother" });
    const formBefore = await latestComposed(NEWBORN);
    const added = await addBundleItem({ db: world.db, actor: admin, bundleCode: NEWBORN, serviceCode: "MEDINS-REMOTE-CARE", ruleText: JSON.stringify(motherHousehold) });
    expect(added, JSON.stringify(added)).toMatchObject({ ok: true });
    const formAfter = await latestComposed(NEWBORN);
    expect(formAfter.version).toBe(formBefore.version + 1);
    expect(JSON.stringify(formAfter.definition)).toContain("filingReason");
    const [change] = await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1);
    expect(change).toMatchObject({ actorId: admin.id, entity: "bundle", action: "add-item" });
    expect((change.before as { items: unknown[] }).items).toHaveLength(4);
    expect((change.after as { items: { code: string; appliesWhen: unknown }[] }).items[4]).toMatchObject({ code: "MEDINS-REMOTE-CARE", appliesWhen: motherHousehold });

    // What "try it" says for these answers is what intake does with them.
    const remoteCare = { insuranceScheme: "resident", filingReason: "long-term-residence", destination: "浙江省杭州市", filingStartDate: "2099-01-01" };
    const tried = await tryBundleRouting({ db: world.db, actor: admin, bundleCode: NEWBORN, answersText: JSON.stringify({ householdOf: "mother" }) });
    expect(tried.ok && tried.routes.filter((route) => route.applies).map((route) => route.code).sort()).toEqual(
      ["HEALTH-BIRTH-CERT", "HRSS-SSCARD", "MEDINS-NEWBORN-ENROL", "MEDINS-REMOTE-CARE", "POLICE-BIRTH-REG"],
    );
    const mother = await submitNewborn({ householdOf: "mother", ...remoteCare });
    expect(mother.services).toEqual(["HEALTH-BIRTH-CERT", "HRSS-SSCARD", "MEDINS-NEWBORN-ENROL", "MEDINS-REMOTE-CARE", "POLICE-BIRTH-REG"]);
    expect(mother.case.formDefinitionId).toBe(formAfter.id);
    const father = await submitNewborn({ householdOf: "father", ...remoteCare });
    expect(father.services).not.toContain("MEDINS-REMOTE-CARE");
    // The case submitted before keeps the form version and the tasks it was submitted with.
    expect(earlier.case.formDefinitionId).toBe(formBefore.id);
    expect(earlier.services).not.toContain("MEDINS-REMOTE-CARE");

    // Moved up, and removed again: each a new composition and a record.
    expect(await moveBundleItem({ db: world.db, actor: admin, bundleCode: NEWBORN, serviceCode: "MEDINS-REMOTE-CARE", direction: "up" })).toMatchObject({ ok: true });
    const moved = await findBundleForAdmin({ db: world.db, actor: admin, bundleCode: NEWBORN });
    expect(moved.ok && moved.items.map((item) => item.code)).toEqual(["HEALTH-BIRTH-CERT", "POLICE-BIRTH-REG", "MEDINS-NEWBORN-ENROL", "MEDINS-REMOTE-CARE", "HRSS-SSCARD"]);
    expect(await removeBundleItem({ db: world.db, actor: admin, bundleCode: NEWBORN, serviceCode: "MEDINS-REMOTE-CARE" })).toMatchObject({ ok: true });
    expect(JSON.stringify((await latestComposed(NEWBORN)).definition)).not.toContain("filingReason");
  });

  it("creates a bundle that waits for its services before the catalog offers it, then retires it: no new application, open cases go on", async () => {
    const refused = await createBundle({ db: world.db, actor: admin, input: { code: "cafe", nameZhHans: "", nameZhHant: "開咖啡館", nameEn: "Open a café", summaryZhHans: "x", summaryZhHant: "x", summaryEn: "x", applicantType: "legal", topic: "business" } });
    expect(refused).toMatchObject({ ok: false, code: "invalid:bundle-code", fields: { code: "invalid:bundle-code", nameZhHans: "invalid:bundle-name-required" } });
    const input = { code: "bundle-cafe", nameZhHans: "开咖啡馆一件事", nameZhHant: "開咖啡館一件事", nameEn: "Open a café", summaryZhHans: "一次办好", summaryZhHant: "一次辦好", summaryEn: "All at once", applicantType: "legal", topic: "business" };
    expect(await createBundle({ db: world.db, actor: admin, input })).toEqual({ ok: true, code: "BUNDLE-CAFE" });
    expect(await createBundle({ db: world.db, actor: admin, input })).toMatchObject({ ok: false, code: "conflict:bundle-code-taken" });
    const catalog = async () => (await listCatalog({ db: world.db, filters: {} })).bundles.map((bundle) => bundle.code);
    expect(await catalog()).not.toContain("BUNDLE-CAFE");
    expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: "BUNDLE-CAFE", serviceCode: "FIRE-SAFETY-CHECK", ruleText: "" })).toMatchObject({ ok: true });
    expect(await catalog()).toContain("BUNDLE-CAFE");

    const open = await submitRestaurant({});
    expect(await retireBundle({ db: world.db, actor: admin, bundleCode: RESTAURANT })).toMatchObject({ ok: true });
    expect(await retireBundle({ db: world.db, actor: admin, bundleCode: RESTAURANT })).toMatchObject({ ok: false, code: "conflict:bundle-retired" });
    forgetReferences(world.db);
    expect(await catalog()).not.toContain(RESTAURANT);
    expect(await startDraft({ db: world.db, actor: enterprise, subjectCode: RESTAURANT })).toMatchObject({ ok: false, code: "conflict:bundle-retired" });
    expect(
      await submitApplication({ db: world.db, actor: enterprise, subjectCode: RESTAURANT, rawAnswers: restaurantAnswers(), idempotencyKey: randomUUID(), channel: "online" }),
    ).toMatchObject({ ok: false, code: "conflict:bundle-retired" });
    expect(await addBundleItem({ db: world.db, actor: admin, bundleCode: RESTAURANT, serviceCode: "TAX-INVOICE", ruleText: "" })).toMatchObject({ ok: false, code: "conflict:bundle-retired" });
    const openTasks = await world.db.select({ status: tasks.status }).from(tasks).where(eq(tasks.caseId, open.case.id));
    expect(openTasks.every((task) => task.status === "waiting")).toBe(true);
    const [change] = await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1);
    expect(change).toMatchObject({ entity: "bundle", action: "retire", before: { retiredAt: null } });
  });
});
