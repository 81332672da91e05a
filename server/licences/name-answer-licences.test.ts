import { eq } from "drizzle-orm";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licences } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import en from "@/messages/en.json";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { nameAnswerLicences } from "./name-answer-licences";

describe.each(testDatabaseKinds)("naming the licences used as materials on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("names a wallet licence as the material field offers it, in each language, and nothing else", async () => {
    const [register] = await world.db.select().from(licences).where(eq(licences.type, "household-register"));
    const answers = {
      householdRegister: [
        { kind: "licence", licenceId: register.id },
        { kind: "file", fileId: "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", name: "scan.pdf" },
        { kind: "licence", licenceId: "00000000-0000-4000-8000-000000000000" },
        { kind: "licence", licenceId: "not-a-uuid" },
      ],
      cardholderName: "张三",
    };
    // The wizard's own wording of the same licence (components/forms/fields/material-field.tsx).
    const offered = createTranslator({ locale: "en", messages: en, namespace: "fields" })("walletLicence", { title: register.title.en, number: register.number });
    expect(await nameAnswerLicences({ db: world.db, answers, locale: "en" })).toEqual({ [register.id]: offered });
    expect(offered).toBe(`${register.title.en}, number ${register.number}`);
    expect(await nameAnswerLicences({ db: world.db, answers, locale: "zh-Hans" })).toEqual({ [register.id]: `${register.title["zh-Hans"]}（证照编号：${register.number}）` });
    expect(await nameAnswerLicences({ db: world.db, answers: { cardholderName: "张三" }, locale: "en" })).toEqual({});
  });
});
