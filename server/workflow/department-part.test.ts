import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, supplementRequests, tasks } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { listFields } from "@/lib/forms/definition";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { requestSupplement } from "@/server/supplements/request-supplement";
import { currentTaskVersion } from "@/server/testing/current-task-version";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "./claim-task";
import { decideTask } from "./decide-task";
import { getTaskForClerk } from "./get-task-for-clerk";

/** 最小必要: each department of a bundle sees its own service's questions and the bundle's shared ones, no more. */
describe.each(testDatabaseKinds)("a department's part of a case on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const submit = async (username: string, subjectCode: string, answers: Record<string, string>) => (await submitTestCase(world, { username, subjectCode, answers })).taskOf;

  async function seenBy(username: string, taskId: string) {
    const result = await getTaskForClerk({ db: world.db, actor: await world.actorOf(username), taskId });
    if (!result.ok) throw new Error(result.code);
    return { answerKeys: Object.keys(result.case.answers), fieldKeys: listFields(result.definition).map((field) => field.key) };
  }

  it("shows the sign clerk the sign and the shared questions, not the food-safety or fire answers", async () => {
    const taskOf = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    const urban = await seenBy("clerk-urban", taskOf("URBAN"));
    expect(urban.answerKeys).toEqual(expect.arrayContaining(["signText", "signWidth", "shopName", "unifiedSocialCreditCode", "hasOutdoorSign"]));
    for (const foreign of ["foodSafetyManagerName", "foodSafetyManagerMobile", "fireExitCount", "decorationCompletedDate", "fireSafetyManagerMobile"]) {
      expect(urban.answerKeys).not.toContain(foreign);
      expect(urban.fieldKeys).not.toContain(foreign);
    }
    const amr = await seenBy("clerk-amr", taskOf("AMR"));
    expect(amr.answerKeys).toEqual(expect.arrayContaining(["foodSafetyManagerName", "mainFoodCategory", "shopName"]));
    expect(amr.answerKeys).not.toContain("signText");
    expect(amr.answerKeys).not.toContain("fireSafetyManagerMobile");
    const fire = await seenBy("clerk-fire", taskOf("FIRE"));
    expect(fire.answerKeys).toEqual(expect.arrayContaining(["fireExitCount", "fireSafetyManagerName", "useCommitment"]));
    expect(fire.answerKeys).not.toContain("signText");
    expect(fire.answerKeys).not.toContain("foodSafetyManagerMobile");
  });

  it("refuses a supplement request about another department's answer and changes nothing", async () => {
    const taskOf = await submit("enterprise", "BUNDLE-RESTAURANT", restaurantAnswers());
    const clerk = await world.actorOf("clerk-urban");
    const taskId = taskOf("URBAN");
    expect(await claimTask({ db: world.db, actor: clerk, taskId })).toMatchObject({ ok: true });
    expect(await decideTask({ db: world.db, actor: clerk, taskId, action: "accept", expectedVersion: await currentTaskVersion(world.db, taskId) })).toMatchObject({ ok: true });
    const version = await currentTaskVersion(world.db, taskId);
    const refused = await requestSupplement({ db: world.db, actor: clerk, taskId, expectedVersion: version, items: [{ key: "foodSafetyManagerMobile", note: "请核对" }] });
    expect(refused).toMatchObject({ ok: false, code: "invalid:supplement-items" });
    expect(await world.db.select().from(supplementRequests).where(eq(supplementRequests.taskId, taskId))).toHaveLength(0);
    expect(await currentTaskVersion(world.db, taskId)).toBe(version);
    // Its own question may be asked about.
    expect(await requestSupplement({ db: world.db, actor: clerk, taskId, expectedVersion: version, items: [{ key: "signText", note: "请核对" }] })).toMatchObject({ ok: true });
  });

  it("shows the whole form of a case filed for one service to that service's department", async () => {
    const taskOf = await submit("citizen", "HRSS-PROOF", proofAnswers());
    const taskId = taskOf("HRSS");
    const hrss = await seenBy("clerk-hrss", taskId);
    const [stored] = await world.db.select({ answers: cases.answers }).from(cases).innerJoin(tasks, eq(tasks.caseId, cases.id)).where(eq(tasks.id, taskId));
    expect(hrss.answerKeys.sort()).toEqual(Object.keys(stored.answers).sort());
    expect(hrss.answerKeys).toEqual(expect.arrayContaining(["applicantName", "applicantIdNumber", "purpose"]));
  });
});
