import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, formDefinitions, type TFormSubjectType } from "@/db/schema";
import { openTestDatabase, type TTestDatabase } from "@/db/testing";
import type { TSeedService } from "@/seed/catalog/types";
import { seedBundle, seedDepartment, seedService, seedUser } from "@/seed/factories";
import { t } from "@/lib/i18n/traditional";
import { listFields, type TFormDefinitionInput } from "@/lib/forms/definition";
import { loadActor, type TActor } from "@/server/auth/actor";
import { testDatabaseKinds } from "@/db/testing";
import { getFormDefinitionVersions } from "./get-form-definition-versions";
import { listFormDefinitions } from "./list-form-definitions";
import { previewFormDefinition } from "./preview-form-definition";
import { publishFormDefinition, type TPublishFormDefinitionOptions } from "./publish-form-definition";

// A small catalog of its own, so these tests follow the rules of publishing rather than the demo content.
type TFieldInput = TFormDefinitionInput["pages"][number]["sections"][number]["fields"][number];
const shopName = { key: "shopName", type: "text", label: t("店铺名称", "Shop name"), required: true, maxLength: 100 } satisfies TFieldInput;
const hasOutdoorSign = { key: "hasOutdoorSign", type: "yesno", label: t("是否设置户外招牌？", "Outside sign?"), required: true } satisfies TFieldInput;
const fireExitCount = { key: "fireExitCount", type: "number", label: t("安全出口数量", "Fire exits"), required: true, integer: true } satisfies TFieldInput;
const signText = { key: "signText", type: "text", label: t("招牌文字", "Wording"), required: true } satisfies TFieldInput;

function onePage(key: string, fields: TFieldInput[]): TFormDefinitionInput {
  return { schemaVersion: 1, pages: [{ key: "application", title: t("申请", "Application"), sections: [{ key, fields }] }] };
}

function service(code: string, departmentCode: string, form: TFormDefinitionInput): TSeedService {
  return {
    code,
    departmentCode,
    name: t(code, code),
    summary: t("测试", "Test"),
    applicantType: "legal",
    kind: "promised",
    legalLimitDays: 10,
    promisedLimitDays: 5,
    topic: "business",
    conditions: [],
    materials: [],
    fees: t("不收费", "Free"),
    legalBasis: [],
    form,
  };
}

const fireForm = onePage("venue", [shopName, fireExitCount]);
const signForm = onePage("sign", [shopName, signText]);

async function openWorld(kind: (typeof testDatabaseKinds)[number]) {
  const database = await openTestDatabase(kind);
  const { db } = database;
  await seedDepartment(db, { code: "FIRE", name: t("消防", "Fire"), shortName: t("消防", "Fire") });
  await seedDepartment(db, { code: "URBAN", name: t("城管", "Urban"), shortName: t("城管", "Urban") });
  await seedService(db, service("FIRE-CHECK", "FIRE", fireForm));
  await seedService(db, service("URBAN-SIGN", "URBAN", signForm));
  await seedService(db, service("FIRE-ALONE", "FIRE", onePage("alone", [fireExitCount])));
  await seedBundle(db, {
    code: "BUNDLE-SHOP",
    name: t("开店一件事", "Open a shop"),
    summary: t("测试", "Test"),
    applicantType: "legal",
    topic: "business",
    items: [
      { serviceCode: "FIRE-CHECK", appliesWhen: null },
      { serviceCode: "URBAN-SIGN", appliesWhen: { "==": [{ var: "hasOutdoorSign" }, true] } },
    ],
    form: { schemaVersion: 1, pages: [{ key: "shop", title: t("店铺", "Shop"), sections: [{ key: "shop", fields: [shopName, hasOutdoorSign] }] }] },
  });
  const admin = await seedUser(db, { username: "admin", role: "admin", displayName: "孙管理" });
  const citizen = await seedUser(db, { username: "citizen", role: "citizen", displayName: "张三" });
  return { ...database, admin: (await loadActor(db, admin.id))!, citizen: (await loadActor(db, citizen.id))! };
}

describe.each(testDatabaseKinds)("publishing form definitions on %s", (kind) => {
  let world: TTestDatabase & { admin: TActor; citizen: TActor };
  beforeAll(async () => {
    world = await openWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const versionsOf = async (subjectType: TFormSubjectType, code: string) =>
    world.db
      .select()
      .from(formDefinitions)
      .where(and(eq(formDefinitions.subjectType, subjectType), eq(formDefinitions.subjectCode, code)))
      .orderBy(formDefinitions.version);
  const allVersions = async () => (await world.db.select({ n: count() }).from(formDefinitions))[0].n;
  const publish = (options: Partial<TPublishFormDefinitionOptions> & { definitionJson: string }) =>
    publishFormDefinition({ db: world.db, actor: world.admin, subjectType: "service", subjectCode: "FIRE-ALONE", ...options });
  const json = (form: TFormDefinitionInput) => JSON.stringify(form, null, 2);

  it("seeds a bundle as its own questions plus a version composed from its services", async () => {
    const [base] = await versionsOf("bundle-base", "BUNDLE-SHOP");
    const [composed] = await versionsOf("bundle", "BUNDLE-SHOP");
    const [fire] = await versionsOf("service", "FIRE-CHECK");
    const [sign] = await versionsOf("service", "URBAN-SIGN");
    expect(composed.composedFrom).toEqual([base.id, fire.id, sign.id]);
    expect(listFields(composed.definition).map((field) => field.key)).toEqual(["shopName", "hasOutdoorSign", "fireExitCount", "signText"]);
  });

  it("publishes version n + 1, by the admin", async () => {
    const result = await publish({ definitionJson: json(onePage("alone", [{ ...fireExitCount, hint: t("直通室外的出口", "Exits that lead outside") }])) });
    expect(result).toMatchObject({ ok: true, version: 2, recomposed: [] });
    const versions = await versionsOf("service", "FIRE-ALONE");
    expect(versions.map((row) => [row.version, row.publishedById])).toEqual([
      [1, null],
      [2, world.admin.id],
    ]);
  });

  it("refuses a definition that breaks the meta-schema, with the path, and writes nothing", async () => {
    const before = await allVersions();
    const broken = onePage("alone", [{ ...fireExitCount, key: "Fire exits" } as TFieldInput]);
    const result = await publish({ definitionJson: json(broken) });
    expect(result).toMatchObject({ ok: false, code: "invalid:form-definition" });
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ path: "pages[0].sections[0].fields[0].key", message: expect.stringContaining("camelCase"), code: "key-format" }));
    expect(await allVersions()).toBe(before);
  });

  it("refuses text that is not JSON, saying where the parser stopped", async () => {
    const result = await publish({ definitionJson: '{\n  "schemaVersion": 1,\n  "pages": [}\n}' });
    expect(result).toMatchObject({ ok: false, code: "invalid:form-definition-json", syntax: { line: 3, column: 13 } });
  });

  it("refuses anyone but an admin", async () => {
    const before = await allVersions();
    const result = await publish({ actor: world.citizen, definitionJson: json(onePage("alone", [fireExitCount, signText])) });
    expect(result).toEqual({ ok: false, code: "forbidden:role" });
    expect(await allVersions()).toBe(before);
    expect(await listFormDefinitions({ db: world.db, actor: world.citizen })).toEqual({ ok: false, code: "forbidden:role" });
    expect(await getFormDefinitionVersions({ db: world.db, actor: world.citizen, subjectType: "service", subjectCode: "FIRE-ALONE" })).toEqual({
      ok: false,
      code: "forbidden:role",
    });
  });

  it("refuses an unknown subject, an unchanged definition, and an edit of a version that is no longer the latest", async () => {
    expect(await publish({ subjectCode: "NO-SUCH", definitionJson: json(fireForm) })).toMatchObject({ code: "not-found:form-subject" });
    const [latest] = (await versionsOf("service", "FIRE-CHECK")).slice(-1);
    // Written differently (indentation, defaults spelled out) but the same definition.
    expect(await publish({ subjectCode: "FIRE-CHECK", definitionJson: JSON.stringify(latest.definition) })).toMatchObject({
      code: "conflict:form-definition-unchanged",
    });
    expect(await publish({ subjectCode: "FIRE-CHECK", definitionJson: JSON.stringify(fireForm), baseVersion: latest.version })).toMatchObject({
      code: "conflict:form-definition-unchanged",
    });
    expect(await publish({ definitionJson: json(onePage("alone", [fireExitCount, signText])), baseVersion: 1 })).toMatchObject({
      code: "conflict:form-definition-changed",
    });
  });

  it("recomposes every bundle a published service feeds, in the same transaction", async () => {
    const [composedBefore] = (await versionsOf("bundle", "BUNDLE-SHOP")).slice(-1);
    const withFloors = onePage("venue", [shopName, fireExitCount, { key: "floors", type: "number", label: t("楼层数", "Floors"), integer: true }]);
    const result = await publish({ subjectCode: "FIRE-CHECK", definitionJson: json(withFloors) });
    expect(result).toMatchObject({ ok: true, version: 2, recomposed: [{ bundleCode: "BUNDLE-SHOP", version: composedBefore.version + 1 }] });
    const [composed] = (await versionsOf("bundle", "BUNDLE-SHOP")).slice(-1);
    expect(listFields(composed.definition).map((field) => field.key)).toContain("floors");
    const [fire] = (await versionsOf("service", "FIRE-CHECK")).slice(-1);
    expect(composed.composedFrom?.[1]).toBe(fire.id);
    expect(composed.publishedById).toBe(world.admin.id);
  });

  it("refuses a service change that its bundle cannot compose, and writes nothing", async () => {
    const before = await allVersions();
    // shopName as a number clashes with the bundle's own text question.
    const clash = onePage("venue", [{ key: "shopName", type: "number", label: t("店铺名称", "Shop name") }, fireExitCount]);
    const result = await publish({ subjectCode: "FIRE-CHECK", definitionJson: json(clash) });
    expect(result).toMatchObject({ ok: false, code: "invalid:bundle-composition", bundleCode: "BUNDLE-SHOP" });
    if (result.ok) return;
    expect(result.issues?.[0]).toMatchObject({ path: "FIRE-CHECK/pages[0].sections[0].fields[0].type", message: expect.stringContaining("bundle-base/") });
    expect(await allVersions()).toBe(before);
  });

  it("recomposes the bundle when its own questions are published, and previews the composed form first", async () => {
    const base = {
      schemaVersion: 1,
      pages: [{ key: "shop", title: t("店铺", "Shop"), sections: [{ key: "shop", fields: [shopName, { ...fireExitCount, required: true }, hasOutdoorSign] }] }],
    } satisfies TFormDefinitionInput;
    const before = await allVersions();
    const preview = await previewFormDefinition({ db: world.db, actor: world.admin, subjectType: "bundle-base", subjectCode: "BUNDLE-SHOP", definitionJson: json(base) });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(listFields(preview.composed!).map((field) => field.key).slice(0, 3)).toEqual(["shopName", "fireExitCount", "hasOutdoorSign"]);
    expect(await allVersions()).toBe(before);

    const result = await publish({ subjectType: "bundle-base", subjectCode: "BUNDLE-SHOP", definitionJson: json(base) });
    expect(result).toMatchObject({ ok: true, version: 2, recomposed: [{ bundleCode: "BUNDLE-SHOP" }] });
    const [composed] = (await versionsOf("bundle", "BUNDLE-SHOP")).slice(-1);
    const [newBase] = (await versionsOf("bundle-base", "BUNDLE-SHOP")).slice(-1);
    expect(composed.composedFrom?.[0]).toBe(newBase.id);
  });

  it("keeps a case on the version it was submitted under, and counts cases per version", async () => {
    const [first] = await versionsOf("bundle", "BUNDLE-SHOP");
    await world.db.insert(cases).values({
      number: "OD202602120000001",
      subjectType: "bundle",
      subjectCode: "BUNDLE-SHOP",
      formDefinitionId: first.id,
      applicantId: world.citizen.id,
      applicantType: "legal",
      channel: "online",
      answers: { shopName: "一门小馆", hasOutdoorSign: false, fireExitCount: 2 },
      idempotencyKey: randomUUID(),
    });
    const published = await publish({ subjectCode: "URBAN-SIGN", definitionJson: json(onePage("sign", [shopName, signText, { key: "signLit", type: "yesno", label: t("带灯光？", "Lit?") }])) });
    expect(published.ok).toBe(true);

    const [row] = await world.db.select({ formDefinitionId: cases.formDefinitionId }).from(cases).where(eq(cases.number, "OD202602120000001"));
    expect(row.formDefinitionId).toBe(first.id);
    const versions = await getFormDefinitionVersions({ db: world.db, actor: world.admin, subjectType: "bundle", subjectCode: "BUNDLE-SHOP" });
    expect(versions.ok).toBe(true);
    if (!versions.ok) return;
    expect(versions.versions[0].version).toBeGreaterThan(first.version);
    const v1 = versions.versions.find((version) => version.version === 1)!;
    expect(v1).toMatchObject({ caseCount: 1, recentCaseNumbers: ["OD202602120000001"], publisherName: null });
    expect(v1.composedFrom?.map((source) => [source.subjectType, source.code, source.version])).toEqual([
      ["bundle-base", "BUNDLE-SHOP", 1],
      ["service", "FIRE-CHECK", 1],
      ["service", "URBAN-SIGN", 1],
    ]);
    expect(versions.versions[0]).toMatchObject({ caseCount: 0, recentCaseNumbers: [], publisherName: "孙管理" });
    expect(versions.related.map((service) => service.code)).toEqual(["FIRE-CHECK", "URBAN-SIGN"]);

    const list = await listFormDefinitions({ db: world.db, actor: world.admin });
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    const bundle = list.subjects.find((subject) => subject.subjectType === "bundle" && subject.code === "BUNDLE-SHOP")!;
    expect(bundle.latestVersion).toBe(versions.versions[0].version);
    expect(bundle.versionCount).toBe(versions.versions.length);
    expect(bundle.casesPerVersion.find((entry) => entry.version === 1)?.cases).toBe(1);
    expect(list.subjects.map((subject) => `${subject.subjectType}:${subject.code}`)).toEqual([
      "service:FIRE-ALONE",
      "service:FIRE-CHECK",
      "service:URBAN-SIGN",
      "bundle:BUNDLE-SHOP",
      "bundle-base:BUNDLE-SHOP",
    ]);
  });

  it("gives simultaneous publishes of one form different version numbers", async () => {
    const [latest] = (await versionsOf("service", "FIRE-ALONE")).slice(-1);
    const results = await Promise.all(
      ["a", "b", "c"].map((suffix) => publish({ definitionJson: json(onePage("alone", [{ ...fireExitCount, label: t(`出口${suffix}`, `Exits ${suffix}`) }])) })),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const versions = results.map((result) => (result.ok ? result.version : 0)).sort();
    expect(versions).toEqual([latest.version + 1, latest.version + 2, latest.version + 3]);
  });

  it("gives simultaneous publishes of two services of one bundle one composed version each", async () => {
    const [before] = (await versionsOf("bundle", "BUNDLE-SHOP")).slice(-1);
    const [fire, sign] = await Promise.all([
      publish({ subjectCode: "FIRE-CHECK", definitionJson: json(onePage("venue", [shopName, fireExitCount])) }),
      publish({ subjectCode: "URBAN-SIGN", definitionJson: json(signForm) }),
    ]);
    expect(fire.ok && sign.ok).toBe(true);
    const composed = (await versionsOf("bundle", "BUNDLE-SHOP")).filter((row) => row.version > before.version);
    expect(composed.map((row) => row.version)).toEqual([before.version + 1, before.version + 2]);
    // The later one was built from both new service versions.
    const [fireLatest] = (await versionsOf("service", "FIRE-CHECK")).slice(-1);
    const [signLatest] = (await versionsOf("service", "URBAN-SIGN")).slice(-1);
    expect(composed[1].composedFrom?.slice(1)).toEqual([fireLatest.id, signLatest.id]);
  });

  it("keeps the data class an admin gives a field, in the service's version and in the bundle composed from it", async () => {
    const illness = { key: "staffIllness", type: "textarea", label: t("从业人员患病情况", "Staff illnesses"), dataClass: "sensitive" } satisfies TFieldInput;
    const result = await publish({ subjectCode: "FIRE-CHECK", definitionJson: json(onePage("venue", [shopName, fireExitCount, illness])) });
    expect(result).toMatchObject({ ok: true, recomposed: [{ bundleCode: "BUNDLE-SHOP" }] });
    const [fire] = (await versionsOf("service", "FIRE-CHECK")).slice(-1);
    const [composed] = (await versionsOf("bundle", "BUNDLE-SHOP")).slice(-1);
    for (const definition of [fire.definition, composed.definition]) {
      expect(listFields(definition).find((field) => field.key === "staffIllness")?.dataClass).toBe("sensitive");
    }

    // A class the meta-schema does not know is refused at its path, and nothing is written.
    const before = await allVersions();
    const refused = await publish({ subjectCode: "FIRE-CHECK", definitionJson: json(onePage("venue", [shopName, illness])).replace('"dataClass": "sensitive"', '"dataClass": "secret"') });
    expect(refused).toMatchObject({ ok: false, code: "invalid:form-definition" });
    if (refused.ok) return;
    expect(refused.issues).toContainEqual(expect.objectContaining({ path: "pages[0].sections[0].fields[1].dataClass", code: "one-of" }));
    expect(await allVersions()).toBe(before);
  });
});
