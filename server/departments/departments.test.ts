import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, departments, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { seedUser } from "@/seed/factories";
import type { TActor } from "@/server/auth/actor";
import { listCatalog, listDepartments } from "@/server/catalog/list-catalog";
import { startDraft } from "@/server/drafts/start-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { changeStaffGrant } from "@/server/staff/change-staff-grant";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { findDepartment } from "./find-department";
import { listDepartmentsForAdmin } from "./list-departments-for-admin";
import { retireDepartment } from "./retire-department";
import { saveDepartment } from "./save-department";

const newDepartment = {
  code: " water ",
  nameZhHans: "水务局",
  nameZhHant: "水務局",
  nameEn: "Water Authority",
  shortNameZhHans: "",
  shortNameZhHant: "",
  shortNameEn: "",
  phone: "021-12345678",
  address: "人民大道 200 号",
  hours: "周一至周五 9:00–17:00",
};

describe.each(testDatabaseKinds)("administration of departments on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
  });
  afterAll(async () => {
    await world?.drop();
  });
  const lastChange = async () => (await world.db.select().from(adminChanges).orderBy(desc(adminChanges.id)).limit(1))[0];
  const changeCount = async () => (await world.db.select().from(adminChanges)).length;

  it("creates a department with its names, contact and change record, then edits it", async () => {
    const created = await saveDepartment({ db: world.db, actor: admin, input: newDepartment });
    expect(created).toMatchObject({ ok: true, created: true });
    if (!created.ok) return;
    const [row] = await world.db.select().from(departments).where(eq(departments.id, created.departmentId));
    expect(row).toMatchObject({
      code: "WATER",
      name: { "zh-Hans": "水务局", "zh-Hant": "水務局", en: "Water Authority" },
      // An empty short name takes the name.
      shortName: { "zh-Hans": "水务局", "zh-Hant": "水務局", en: "Water Authority" },
      phone: "021-12345678",
      address: "人民大道 200 号",
      retiredAt: null,
    });
    expect(await lastChange()).toMatchObject({ actorId: admin.id, entity: "department", entityId: row.id, action: "create", before: null, after: { code: "WATER", phone: "021-12345678" } });

    const edited = await saveDepartment({ db: world.db, actor: admin, departmentId: row.id, input: { ...newDepartment, code: "WATER", nameEn: "Water Affairs Bureau", phone: "" } });
    expect(edited).toMatchObject({ ok: true, created: false });
    const change = await lastChange();
    expect(change).toMatchObject({ action: "edit", before: { name: { en: "Water Authority" }, phone: "021-12345678" }, after: { name: { en: "Water Affairs Bureau" }, phone: null } });
  });

  it("refuses a taken code, a bad code, a missing name and hostile text, field by field, writing nothing", async () => {
    const before = await changeCount();
    expect(await saveDepartment({ db: world.db, actor: admin, input: { ...newDepartment, code: "FIRE" } })).toEqual({
      ok: false,
      code: "conflict:department-code-taken",
      fields: { code: "conflict:department-code-taken" },
    });
    const refused = await saveDepartment({ db: world.db, actor: admin, input: { ...newDepartment, code: "fire dept", nameEn: " ", address: "a\u0000b", phone: "call us" } });
    expect(refused).toMatchObject({
      ok: false,
      code: "invalid:department-code",
      fields: { code: "invalid:department-code", nameEn: "invalid:department-name-required", phone: "invalid:department-phone", address: "invalid:text-control-character" },
    });
    expect(await saveDepartment({ db: world.db, actor: admin, input: { ...newDepartment, code: "LONG", nameZhHans: "局".repeat(61) } })).toMatchObject({ fields: { nameZhHans: "invalid:department-name-too-long" } });
    expect(await changeCount()).toBe(before);
  });

  it("is the admin's alone, and an unknown or malformed id is not found", async () => {
    const clerk = await world.actorOf("clerk-fire");
    const supervisor = await world.actorOf("supervisor");
    const [fire] = await world.db.select().from(departments).where(eq(departments.code, "FIRE"));
    for (const actor of [clerk, supervisor]) {
      expect(await saveDepartment({ db: world.db, actor, departmentId: fire.id, input: { ...newDepartment, code: "FIRE" } })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await retireDepartment({ db: world.db, actor, departmentId: fire.id })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await listDepartmentsForAdmin({ db: world.db, actor })).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await retireDepartment({ db: world.db, actor: admin, departmentId: "not-a-uuid" })).toEqual({ ok: false, code: "not-found:department" });
    expect(await findDepartment({ db: world.db, actor: admin, departmentId: "00000000-0000-4000-8000-000000000000" })).toEqual({ ok: false, code: "not-found:department" });
  });

  it("refuses to retire a department with open tasks or active staff, saying which", async () => {
    const [fire] = await world.db.select().from(departments).where(eq(departments.code, "FIRE"));
    await seedQueueTasks(world.db, { departmentCode: "FIRE", count: 1 });
    const before = await changeCount();
    expect(await retireDepartment({ db: world.db, actor: admin, departmentId: fire.id })).toMatchObject({ ok: false, code: "conflict:department-has-open-tasks" });
    // ENV has a clerk and (in the demo seed) no open tasks.
    const [env] = await world.db.select().from(departments).where(eq(departments.code, "ENV"));
    expect(await retireDepartment({ db: world.db, actor: admin, departmentId: env.id })).toEqual({ ok: false, code: "conflict:department-has-active-staff", details: { count: 1 } });
    expect(await changeCount()).toBe(before);
    const listed = await listDepartmentsForAdmin({ db: world.db, actor: admin });
    expect(listed.ok && listed.departments.find((d) => d.code === "FIRE")).toMatchObject({ activeStaff: 1, openTasks: expect.any(Number) });
  });

  it("retires a department once its staff are gone: it takes no new tasks or staff, and is recorded", async () => {
    const [urban] = await world.db.select().from(departments).where(eq(departments.code, "URBAN"));
    await world.db.update(users).set({ disabledAt: new Date() }).where(eq(users.departmentId, urban.id));
    expect(await retireDepartment({ db: world.db, actor: admin, departmentId: urban.id })).toEqual({ ok: true, code: "URBAN" });
    expect(await lastChange()).toMatchObject({ entity: "department", entityId: urban.id, action: "retire", before: { retiredAt: null }, after: { retiredAt: expect.any(String) } });
    expect(await retireDepartment({ db: world.db, actor: admin, departmentId: urban.id })).toEqual({ ok: false, code: "conflict:department-retired" });

    // A restaurant with an outdoor sign would give URBAN a task: intake refuses it.
    const enterprise = await world.actorOf("enterprise");
    const refused = await submitApplication({
      db: world.db,
      actor: enterprise,
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers({ shopName: "退役部门小馆", hasOutdoorSign: "yes" }),
      idempotencyKey: crypto.randomUUID(),
      channel: "online",
    });
    expect(refused).toEqual({ ok: false, code: "conflict:department-retired" });
    // Its own service leaves the catalog and its filter, and cannot be started; the bundle stays (routing decides).
    const catalog = await listCatalog({ db: world.db, filters: {} });
    expect(catalog.services.map((service) => service.code)).not.toContain("URBAN-OUTDOOR-SIGN");
    expect(catalog.services.map((service) => service.code)).toContain("AMR-FOOD-LICENCE");
    expect(catalog.bundles.map((bundle) => bundle.code)).toContain("BUNDLE-RESTAURANT");
    expect((await listDepartments({ db: world.db })).map((department) => department.code)).not.toContain("URBAN");
    expect(await startDraft({ db: world.db, actor: enterprise, subjectCode: "URBAN-OUTDOOR-SIGN", companyId: enterprise.companyIds[0], now: new Date(Date.now() + 60_000) })).toEqual({ ok: false, code: "conflict:department-retired" });
    // No one can be given a place in it.
    const clerk = await seedUser(world.db, { username: "clerk-moved", role: "clerk", displayName: "调动", departmentCode: "AMR" });
    expect(await changeStaffGrant({ db: world.db, actor: admin, userId: clerk.id, input: { role: "clerk", departmentId: urban.id } })).toMatchObject({ ok: false, code: "conflict:department-retired" });
  });
});
