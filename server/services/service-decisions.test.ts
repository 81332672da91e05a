import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, caseEvents, cases, licences, services, serviceVersions, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import type { TActor } from "@/server/auth/actor";
import { submitApplication } from "@/server/intake/submit-application";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { discardServiceDraft } from "./discard-service-draft";
import { publishServiceDraft } from "./publish-service-draft";
import { saveServiceDecisionsDraft } from "./save-service-decisions-draft";
import { saveServiceDraft } from "./save-service-draft";
import { decisionsInputOf, decisionsOf } from "./service-decisions-input";
import { guideOf } from "./service-guide";
import { guideInputOf, type TServicePost } from "./service-input";

const reviewBody = { reviewBodyZhHans: "市人民政府", reviewBodyZhHant: "市人民政府", reviewBodyEn: "The City People's Government" };
const court = { courtZhHans: "市第一中级人民法院", courtZhHant: "市第一中級人民法院", courtEn: "City No. 1 Intermediate People's Court" };
const instantReason = { instantReasonZhHans: "非购房用途需人工核对", instantReasonZhHant: "非購房用途需人工核對", instantReasonEn: "Only proofs for buying a home are issued at once" };

describe.each(testDatabaseKinds)("a service's decision settings on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
  });
  afterAll(async () => {
    await world?.drop();
  });
  const serviceRow = async (code: string) => (await world.db.select().from(services).where(eq(services.code, code)))[0];
  const changeCount = async () => (await world.db.select().from(adminChanges)).length;
  const lastChange = async () => (await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1))[0];
  /** The service's settings as its form shows them now, with some fields changed. */
  const post = async (code: string, overrides: TServicePost = {}): Promise<TServicePost> => ({ ...decisionsInputOf(decisionsOf(await serviceRow(code))), ...overrides });
  const save = async (code: string, input: TServicePost) => saveServiceDecisionsDraft({ db: world.db, actor: admin, code, input });

  it("accepts every seeded service's settings as they are, the form showing them pretty-printed", async () => {
    for (const service of await world.db.select().from(services)) {
      expect([service.code, await save(service.code, await post(service.code))]).toEqual([service.code, { ok: true }]);
      expect(await discardServiceDraft({ db: world.db, actor: admin, code: service.code })).toEqual({ ok: true });
    }
    const proof = await post("HRSS-PROOF");
    expect(proof.instantRule).toBe('{\n  "!=": [\n    {\n      "var": "purpose"\n    },\n    "other"\n  ]\n}');
    expect(JSON.parse(proof.licenceTemplate)).toMatchObject({ type: "social-insurance-proof" });
    // In the schema's order (jsonb sorts keys by length): type and title first, the Chinese texts before the English.
    expect(proof.licenceTemplate).toMatch(/^\{\n {2}"type": "social-insurance-proof",\n {2}"title": \{\n {4}"zh-Hans": .*\n {4}"zh-Hant": .*\n {4}"en": .*\n {2}\},\n {2}"numberPrefix": "SBZM",\n {2}"validityMonths": 3,\n {2}"fields": \[\n {4}\{\n {6}"key": "insuredName",\n {6}"label"/);
  });

  it("drafts a review body and court, then publishes them: the row changes, the version keeps them, each step recorded", async () => {
    const before = await serviceRow("HRSS-SSCARD");
    expect(before.reviewBody).toBeNull();
    expect(await save("HRSS-SSCARD", await post("HRSS-SSCARD", { ...reviewBody, ...court }))).toEqual({ ok: true });
    const drafted = await serviceRow("HRSS-SSCARD");
    expect(drafted.reviewBody).toBeNull();
    expect(drafted.draft).toMatchObject({ ...guideOf(before), reviewBody: { en: "The City People's Government" }, court: { "zh-Hant": "市第一中級人民法院" }, licenceTemplate: before.licenceTemplate });
    expect(await lastChange()).toMatchObject({ action: "edit-decisions-draft", before: { draft: null }, after: { draft: { reviewBody: { en: "The City People's Government" } } } });

    // The guide's form keeps the drafted settings, and the other way round.
    expect(await saveServiceDraft({ db: world.db, actor: admin, code: "HRSS-SSCARD", input: { ...guideInputOf(guideOf(before)), feesEn: "No fee at all" } })).toEqual({ ok: true });
    expect((await serviceRow("HRSS-SSCARD")).draft).toMatchObject({ fees: { en: "No fee at all" }, reviewBody: { en: "The City People's Government" } });

    const version = before.publishedVersion + 1;
    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-SSCARD" })).toEqual({ ok: true, version });
    const published = await serviceRow("HRSS-SSCARD");
    expect(published).toMatchObject({ publishedVersion: version, draft: null, reviewBody: { "zh-Hans": "市人民政府" }, court: { en: "City No. 1 Intermediate People's Court" }, fees: { en: "No fee at all" } });
    const [kept] = await world.db.select().from(serviceVersions).where(and(eq(serviceVersions.serviceId, published.id), eq(serviceVersions.version, version)));
    expect(kept.guide).toMatchObject({ reviewBody: { en: "The City People's Government" }, court: { en: "City No. 1 Intermediate People's Court" } });
    expect(await lastChange()).toMatchObject({ action: "publish", before: { decisions: { reviewBody: null } }, after: { decisions: { reviewBody: { en: "The City People's Government" } } } });

    // Emptied in all three languages: the department's again.
    expect(await save("HRSS-SSCARD", await post("HRSS-SSCARD", { reviewBodyZhHans: "", reviewBodyZhHant: "", reviewBodyEn: "" }))).toEqual({ ok: true });
    await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-SSCARD" });
    expect(await serviceRow("HRSS-SSCARD")).toMatchObject({ reviewBody: null, court: { en: "City No. 1 Intermediate People's Court" } });
  });

  it("refuses each setting's problems on its field, in a few clear messages, changing nothing", async () => {
    const row = await serviceRow("HRSS-PROOF");
    const changes = await changeCount();
    const refused = async (code: string, overrides: TServicePost) => {
      const result = await save(code, await post(code, overrides));
      expect(result.ok).toBe(false);
      return result as { ok: false; code: string; fields: Record<string, string>; details: Record<string, string> };
    };
    expect(await refused("HRSS-PROOF", { reviewBodyZhHans: "市人民政府" })).toMatchObject({ code: "invalid:service-remedy-partial", fields: { reviewBodyZhHant: "invalid:service-remedy-partial", reviewBodyEn: "invalid:service-remedy-partial" } });
    expect(await refused("HRSS-PROOF", { instantRule: '{"==": [{"var": "purpose"}, "home-purchase"' })).toMatchObject({ fields: { instantRule: "invalid:service-rule-json" } });
    expect(await refused("HRSS-PROOF", { instantRule: '{"eval": ["process.exit()"]}' })).toMatchObject({ fields: { instantRule: "invalid:service-rule" } });
    expect(await refused("HRSS-PROOF", { instantRule: '{"==": [{"var": "buyerName"}, "x"]}' })).toMatchObject({ fields: { instantRule: "invalid:service-rule-field" }, details: { instantRule: "buyerName" } });
    expect(await refused("HRSS-PROOF", { instantReasonZhHans: "", instantReasonZhHant: "", instantReasonEn: "" })).toMatchObject({ fields: { instantReasonZhHans: "invalid:service-instant-reason", instantReasonEn: "invalid:service-instant-reason" } });
    expect(await refused("HRSS-PROOF", { instantRule: "" })).toMatchObject({ fields: { instantRule: "invalid:service-instant-rule-missing" } });
    expect(await refused("HRSS-SSCARD", { instantRule: '{"==": [1, 1]}', ...instantReason })).toMatchObject({ fields: { instantRule: "invalid:service-instant-not-instant" } });

    expect(await refused("FIRE-SAFETY-CHECK", { commitment: "{field: useCommitment}" })).toMatchObject({ fields: { commitment: "invalid:service-settings-json" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: "[]" })).toMatchObject({ fields: { commitment: "invalid:service-settings-object" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: '{"field": "useCommitment", "value": true, "inspectionDays": 0}' })).toMatchObject({ fields: { commitment: "invalid:service-commitment-days" }, details: { commitment: "inspectionDays" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: '{"field": "useCommitment", "value": null, "inspectionDays": 20}' })).toMatchObject({ fields: { commitment: "invalid:service-commitment-value" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: '{"value": true, "inspectionDays": 20}' })).toMatchObject({ fields: { commitment: "invalid:service-commitment-field" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: '{"field": "useCommitment", "value": true, "inspectionDays": 20, "days": 5}' })).toMatchObject({ fields: { commitment: "invalid:service-settings-unknown-key" }, details: { commitment: "days" } });
    expect(await refused("FIRE-SAFETY-CHECK", { commitment: '{"field": "signsCommitment", "value": true, "inspectionDays": 20}' })).toMatchObject({ fields: { commitment: "invalid:service-form-field" }, details: { commitment: "signsCommitment" } });

    const template = JSON.parse((await post("HRSS-PROOF")).licenceTemplate);
    const licence = (change: object) => ({ licenceTemplate: JSON.stringify({ ...template, ...change }) });
    expect(await refused("HRSS-PROOF", licence({ type: "Social Proof" }))).toMatchObject({ fields: { licenceTemplate: "invalid:licence-template-type" }, details: { licenceTemplate: "type" } });
    expect(await refused("HRSS-PROOF", licence({ title: { "zh-Hans": "证明" } }))).toMatchObject({ fields: { licenceTemplate: "invalid:licence-template-title" } });
    expect(await refused("HRSS-PROOF", licence({ numberPrefix: "sb" }))).toMatchObject({ fields: { licenceTemplate: "invalid:licence-template-prefix" } });
    expect(await refused("HRSS-PROOF", licence({ validityMonths: 0 }))).toMatchObject({ fields: { licenceTemplate: "invalid:licence-template-validity" } });
    expect(await refused("HRSS-PROOF", licence({ fields: [] }))).toMatchObject({ fields: { licenceTemplate: "invalid:licence-template-fields" } });
    expect(await refused("HRSS-PROOF", licence({ fields: [{ key: "insuredName", label: template.fields[0].label, from: { answer: ["holderName"] } }] }))).toMatchObject({ fields: { licenceTemplate: "invalid:service-form-field" }, details: { licenceTemplate: "holderName" } });
    // A sensitive answer (the food-safety manager's health certificate) is never printed on a licence, which is shown
    // to others and checked by anyone; a personal number is (masked, and hashed in the QR code).
    const food = JSON.parse((await post("AMR-FOOD-LICENCE")).licenceTemplate);
    const printsHealth = { key: "health", label: template.fields[0].label, from: { answer: ["foodSafetyManagerHealthCertificate"] } };
    expect(await refused("AMR-FOOD-LICENCE", { licenceTemplate: JSON.stringify({ ...food, fields: [...food.fields, printsHealth] }) })).toMatchObject({
      fields: { licenceTemplate: "invalid:licence-template-sensitive" },
      details: { licenceTemplate: "foodSafetyManagerHealthCertificate" },
    });
    // No raw zod text reaches the admin: every refusal is one of the listed codes.
    expect(await refused("HRSS-PROOF", licence({ colour: "red" }))).toMatchObject({ fields: { licenceTemplate: "invalid:service-settings-unknown-key" }, details: { licenceTemplate: "colour" } });

    expect(await save("NO-SUCH-SERVICE", {})).toEqual({ ok: false, code: "not-found:service" });
    expect(await serviceRow("HRSS-PROOF")).toEqual(row);
    expect(await changeCount()).toBe(changes);
  });

  it("publishes an instant check that decides the next submission; an issued licence keeps its template", async () => {
    const citizen = await world.actorOf("citizen");
    const submit = async (purpose: string) => {
      const result = await submitApplication({ db: world.db, actor: citizen, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers({ purpose }), idempotencyKey: crypto.randomUUID(), channel: "online" });
      if (!result.ok) throw new Error(result.code);
      const [caseRow] = await world.db.select().from(cases).where(eq(cases.number, result.caseNumber));
      const [task] = await world.db.select().from(tasks).where(eq(tasks.caseId, caseRow.id));
      const [licence] = await world.db.select().from(licences).where(eq(licences.caseId, caseRow.id));
      return { caseRow, task, licence };
    };
    // As seeded, a proof for buying a car is approved at once.
    const earlier = await submit("car-purchase");
    expect(earlier.task.status).toBe("approved");
    expect(earlier.licence.title.en).toBe("Proof of social insurance contributions");

    const template = JSON.parse((await post("HRSS-PROOF")).licenceTemplate);
    const input = await post("HRSS-PROOF", {
      instantRule: '{"==": [{"var": "purpose"}, "home-purchase"]}',
      ...instantReason,
      licenceTemplate: JSON.stringify({ ...template, title: { "zh-Hans": "参保缴费证明", "zh-Hant": "參保繳費證明", en: "Contributions proof" } }),
    });
    expect(await save("HRSS-PROOF", input)).toEqual({ ok: true });
    // Drafted only: the next submission is still decided by the published rule.
    expect((await submit("school-enrolment")).task.status).toBe("approved");
    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "HRSS-PROOF" })).toMatchObject({ ok: true });
    expect((await serviceRow("HRSS-PROOF")).instantCheck).toEqual({ rule: { "==": [{ var: "purpose" }, "home-purchase"] }, reason: { "zh-Hans": "非购房用途需人工核对", "zh-Hant": "非購房用途需人工核對", en: "Only proofs for buying a home are issued at once" } });

    const met = await submit("home-purchase");
    expect(met.task.status).toBe("approved");
    expect(met.licence.title.en).toBe("Contributions proof");
    const notMet = await submit("car-purchase");
    expect(notMet.task.status).toBe("waiting");
    expect(notMet.licence).toBeUndefined();
    const [failed] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, notMet.caseRow.id), eq(caseEvents.kind, "instant-check-failed")));
    expect(failed.data).toEqual({ reason: expect.objectContaining({ en: "Only proofs for buying a home are issued at once" }) });
    // Issued licences are frozen (their title, data and labels were copied at issue, and signed): unchanged.
    const [kept] = await world.db.select().from(licences).where(eq(licences.id, earlier.licence.id));
    expect(kept).toEqual(earlier.licence);
  });

  it("is the admin's alone: a clerk, counter clerk or supervisor is refused and writes nothing", async () => {
    const row = await serviceRow("FIRE-SAFETY-CHECK");
    const changes = await changeCount();
    for (const username of ["clerk-hrss", "counter", "supervisor", "citizen"]) {
      const actor = await world.actorOf(username);
      const input = await post("FIRE-SAFETY-CHECK", { commitment: "" });
      expect(await saveServiceDecisionsDraft({ db: world.db, actor, code: "FIRE-SAFETY-CHECK", input })).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await serviceRow("FIRE-SAFETY-CHECK")).toEqual(row);
    expect(await changeCount()).toBe(changes);

    // The admin withdraws approval on commitment: published, the service no longer offers it.
    expect(await save("FIRE-SAFETY-CHECK", await post("FIRE-SAFETY-CHECK", { commitment: "" }))).toEqual({ ok: true });
    expect(await publishServiceDraft({ db: world.db, actor: admin, code: "FIRE-SAFETY-CHECK" })).toMatchObject({ ok: true });
    expect((await serviceRow("FIRE-SAFETY-CHECK")).commitment).toBeNull();
  });
});
