/**
 * The public catalog's filters and codes come from addresses: on both databases, a NUL (a 500 before), a control
 * character, LIKE wildcards or a made-up code find nothing or filter nothing, never an error; real ones still work.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import { readSearchParams } from "@/lib/http/search-params";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { findApplySubject } from "./find-apply-subject";
import { getGuide } from "./get-guide";
import { listCatalog, ZCatalogFilters } from "./list-catalog";

describe.each(testDatabaseKinds)("catalog filters and codes on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const codesOf = (catalog: Awaited<ReturnType<typeof listCatalog>>) => [...catalog.services, ...catalog.bundles].map((entry) => entry.code).sort();
  const search = (query: Record<string, string | string[]>) => listCatalog({ db: world.db, filters: readSearchParams(query, ZCatalogFilters.shape) });

  it("searches and filters as asked", async () => {
    expect(codesOf(await search({ q: "社会保障" }))).toContain("HRSS-SSCARD");
    expect(codesOf(await search({ q: "100%" }))).toEqual([]);
    expect(codesOf(await search({ department: "FIRE" }))).toEqual(["BUNDLE-RESTAURANT", "FIRE-SAFETY-CHECK"]);
  });

  it("drops a malformed filter, keeping the others", async () => {
    const everything = codesOf(await search({}));
    for (const q of ["\u0000", "社会保障\u0000", "\u001b[2J", "a".repeat(101), ["\u0000", "社会保障"]]) {
      expect(codesOf(await search({ q })), JSON.stringify(q)).toEqual(everything);
    }
    for (const department of ["\u0000", "fire", "FIRE' or 1=1 --", "X".repeat(65)]) {
      expect(codesOf(await search({ department })), department).toEqual(everything);
    }
    expect(codesOf(await search({ topic: "\u0000", q: "社会保障" }))).toEqual(codesOf(await search({ q: "社会保障" })));
    // LIKE's own characters are searched for as they are, and a trailing backslash is no pattern error.
    for (const q of ["%", "_", "\\", "社会保障\\"]) expect(Array.isArray((await search({ q })).services), q).toBe(true);
  });

  it("finds no guide and nothing to apply for under a malformed code", async () => {
    expect(await getGuide({ db: world.db, code: "HRSS-PROOF" })).not.toBeNull();
    for (const code of ["\u0000", "HRSS-PROOF\u0000", "hrss-proof", "", "A".repeat(65)]) {
      expect(await getGuide({ db: world.db, code }), code).toBeNull();
      expect(await findApplySubject(world.db, code), code).toBeNull();
    }
  });
});
