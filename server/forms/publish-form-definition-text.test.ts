/**
 * A definition an admin pastes can carry invisible characters: on both databases, one with a NUL (jsonb refuses it:
 * a 500 before), a control character or a bidi override in any string is refused with the path to it, and no
 * version is written.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formDefinitions } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { publishFormDefinition } from "./publish-form-definition";

describe.each(testDatabaseKinds)("invisible characters in a published definition on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("refuses the definition with the path to the character, publishing nothing", async () => {
    const admin = await world.actorOf("admin");
    const versions = () => world.db.select({ version: formDefinitions.version }).from(formDefinitions).where(eq(formDefinitions.subjectCode, "HRSS-PROOF"));
    const before = await versions();
    const [current] = await world.db.select().from(formDefinitions).where(eq(formDefinitions.subjectCode, "HRSS-PROOF")).orderBy(formDefinitions.version);
    for (const [character, code] of [["\u0000", "U+0000"], ["\u001b", "U+001B"], ["\u202e", "U+202E"]]) {
      const definition = structuredClone(current.definition);
      definition.pages[0].title.en = `Applicant${character}`;
      const result = await publishFormDefinition({
        db: world.db,
        actor: admin,
        subjectType: "service",
        subjectCode: "HRSS-PROOF",
        definitionJson: JSON.stringify(definition),
        baseVersion: Math.max(...before.map((row) => row.version)),
      });
      expect(result, code).toMatchObject({ ok: false, code: "invalid:form-definition", issues: [{ path: "pages[0].title.en", message: expect.stringContaining(code) }] });
    }
    expect(await versions()).toEqual(before);
  });
});
