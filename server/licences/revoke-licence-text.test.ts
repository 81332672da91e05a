/**
 * A revocation's reason is public (the holder's inbox, /verify, the licence PDF): on both databases, one with a NUL
 * (a 500 before) or another control character is refused and the licence stays valid; bidi controls are removed.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licences, outbox } from "@/db/schema";
import { seedLicence } from "@/seed/factories";
import { testDatabaseKinds } from "@/db/testing";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { revokeLicence } from "./revoke-licence";

describe.each(testDatabaseKinds)("a revocation's typed reason on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind, { poolSize: 4 });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("refuses a reason with a control character, revoking nothing; keeps one without its bidi controls", async () => {
    const citizen = await world.actorOf("citizen");
    const { id } = await seedLicence(world.db, {
      number: "HRSS-TEXT-0001",
      type: "social-insurance-proof",
      title: { "zh-Hans": "社会保险参保缴费证明", "zh-Hant": "社會保險參保繳費證明", en: "Social insurance contribution certificate" },
      issuingDepartmentCode: "HRSS",
      holderUserId: citizen.id,
      validFrom: "2026-01-05",
    });
    const [before] = await world.db.select().from(licences).where(eq(licences.id, id));
    const outboxBefore = await world.db.select().from(outbox);
    const clerk = await world.actorOf("clerk-hrss");
    for (const [name, reason] of refusedTexts) {
      expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: id, reason }), name).toEqual({ ok: false, code: "invalid:text-control-character" });
    }
    expect((await world.db.select().from(licences).where(eq(licences.id, id)))[0]).toEqual(before);
    expect(await world.db.select().from(outbox)).toHaveLength(outboxBefore.length);

    expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: id, reason: bidiText.sent })).toMatchObject({ ok: true });
    expect((await world.db.select().from(licences).where(eq(licences.id, id)))[0]).toMatchObject({ status: "revoked", revocationReason: bidiText.stored });
  });
});
