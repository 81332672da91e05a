import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listReasonTemplates } from "./list-reason-templates";

describe.each(testDatabaseKinds)("reason templates on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });
  const serviceId = async (code: string) => (await world.db.select({ id: services.id }).from(services).where(eq(services.code, code)))[0].id;

  it("offers a service's own reasons first, then those every service may give, for each decision", async () => {
    const reject = await listReasonTemplates({ db: world.db, serviceId: await serviceId("FIRE-SAFETY-CHECK"), decision: "reject" });
    expect(reject[0]["zh-Hans"]).toContain("安全出口");
    expect(reject.map((text) => text["zh-Hans"])).toContain("申请人隐瞒有关情况或者提供虚假材料。");
    const refuse = await listReasonTemplates({ db: world.db, serviceId: await serviceId("FIRE-SAFETY-CHECK"), decision: "refuse" });
    expect(refuse).toHaveLength(3);
    expect(refuse.every((text) => text.en.length > 0 && text["zh-Hant"].length > 0)).toBe(true);
    // Another service does not get the fire service's own reason.
    const other = await listReasonTemplates({ db: world.db, serviceId: await serviceId("HRSS-PROOF"), decision: "reject" });
    expect(other.map((text) => text["zh-Hans"]).some((text) => text.includes("安全出口"))).toBe(false);
  });
});
