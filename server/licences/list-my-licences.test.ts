import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { encodeCursor } from "@/lib/http/keyset-cursor";
import { seedLicence } from "@/seed/factories";
import type { TActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listMyLicences, type TWallet } from "./list-my-licences";

const today = "2026-06-01";

describe.each(testDatabaseKinds)("the wallet's pages on %s", (kind) => {
  let world: TWorld;
  let holder: TActor;
  let everything: string[];
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    holder = await world.actorOf("enterprise");
    const title = { "zh-Hans": "测试证照", "zh-Hant": "測試證照", en: "Test licence" };
    // Nine of the company's signed in one instant: the id must break the tie, or a page boundary skips or repeats one.
    const tied = new Date("2026-03-02T02:00:00Z");
    for (let i = 0; i < 9; i += 1) {
      await seedLicence(world.db, { number: `WALLET-C-${i}`, type: "test", title, issuingDepartmentCode: "AMR", holderCompanyId: holder.companyIds[0], validFrom: "2026-03-02", signedAt: tied });
    }
    for (let i = 0; i < 8; i += 1) {
      const signedAt = new Date(Date.UTC(2026, 0, 5 + i * 9, 3, 0, 0, i));
      await seedLicence(world.db, { number: `WALLET-P-${i}`, type: "test", title, issuingDepartmentCode: "AMR", holderUserId: holder.id, validFrom: "2026-01-05", signedAt });
    }
    everything = (await listMyLicences({ db: world.db, actor: holder, today, pageSize: 1000 })).licences.map((licence) => licence.number);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("reaches every licence, the person's and the company's, older page by older page and back by newer pages", async () => {
    expect(everything.length).toBeGreaterThanOrEqual(17);
    expect(everything.filter((number) => number.startsWith("WALLET-")).length).toBe(17);
    const pages: TWallet[] = [await listMyLicences({ db: world.db, actor: holder, today, pageSize: 4 })];
    expect(pages[0].newer).toBeNull();
    while (pages.at(-1)!.older) {
      if (pages.length > 50) throw new Error("the pages never end");
      pages.push(await listMyLicences({ db: world.db, actor: holder, today, older: pages.at(-1)!.older, pageSize: 4 }));
    }
    expect(pages.flatMap((page) => page.licences.map((licence) => licence.number))).toEqual(everything);
    expect(pages.slice(1).every((page) => page.newer !== null)).toBe(true);

    // Back from the oldest page: each newer page is the page shown before it, and the newest has no newer link.
    let page = pages.at(-1)!;
    for (let index = pages.length - 2; index >= 0; index -= 1) {
      page = await listMyLicences({ db: world.db, actor: holder, today, newer: page.newer, pageSize: 4 });
      expect(page.licences.map((licence) => licence.number)).toEqual(pages[index].licences.map((licence) => licence.number));
      expect(page.older).not.toBeNull();
    }
    expect(page.newer).toBeNull();
  });

  it("shows nobody else's licences, and the first page for a cursor that is not one of ours", async () => {
    const first = await listMyLicences({ db: world.db, actor: holder, today, pageSize: 4 });
    for (const cursor of ["not a cursor", "eyJ", encodeCursor({ key: "yesterday", id: "00000000-0000-4000-8000-000000000000" }), encodeCursor({ key: "1764800000000000", id: "'; drop table licences; --" })]) {
      expect(await listMyLicences({ db: world.db, actor: holder, today, older: cursor, pageSize: 4 })).toEqual(first);
      expect(await listMyLicences({ db: world.db, actor: holder, today, newer: cursor, pageSize: 4 })).toEqual(first);
    }
    const other = await listMyLicences({ db: world.db, actor: await world.actorOf("citizen2"), today, pageSize: 100 });
    expect(other.licences.some((licence) => licence.number.startsWith("WALLET-"))).toBe(false);
  });
});
