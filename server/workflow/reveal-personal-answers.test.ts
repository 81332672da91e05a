import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { restaurantAnswers } from "@/seed/sample-answers";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { verifyCaseTrail } from "@/server/cases/verify-case-trail";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { revealPersonalAnswers } from "./reveal-personal-answers";

describe.each(testDatabaseKinds)("revealing a masked personal number on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const newRestaurantCase = () =>
    submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers({ foodSafetyManagerMobile: "13700137001", fireSafetyManagerMobile: "13700137002" }) });
  const reveals = (caseId: string) => world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, "personal-data-revealed")));

  it("shows the number whole once, records who, what and why, and tells the applicant which department looked", async () => {
    const { caseNumber, caseId, taskOf } = await newRestaurantCase();
    const clerk = await world.actorOf("clerk-amr");
    const result = await revealPersonalAnswers({ db: world.db, actor: clerk, taskId: taskOf("AMR"), keys: ["foodSafetyManagerMobile"], purpose: "contact-applicant", note: "电话核实开业时间" });
    expect(result).toMatchObject({ ok: true, revealed: [{ key: "foodSafetyManagerMobile", parts: [{ where: null, value: "13700137001" }] }] });

    const [event] = await reveals(caseId);
    expect(event).toMatchObject({ actorId: clerk.id, taskId: taskOf("AMR"), public: true });
    expect(event.data).toMatchObject({ purpose: "contact-applicant", note: "电话核实开业时间", fields: [{ key: "foodSafetyManagerMobile" }] });
    // What and why, never the number itself.
    expect(JSON.stringify(event.data)).not.toContain("13700137001");
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });

    const seen = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    expect(seen.ok && seen.events.some((shown) => shown.kind === "personal-data-revealed" && shown.taskId === taskOf("AMR"))).toBe(true);
  });

  it("reveals a sensitive answer hidden whole, with the same purpose and record, to the department whose part it is", async () => {
    const { caseId, taskOf } = await newRestaurantCase();
    const amr = await world.actorOf("clerk-amr");
    const result = await revealPersonalAnswers({ db: world.db, actor: amr, taskId: taskOf("AMR"), keys: ["foodSafetyManagerHealthCertificate", "foodSafetyManagerMobile"], purpose: "check-register" });
    expect(result).toMatchObject({
      ok: true,
      revealed: [
        { key: "foodSafetyManagerHealthCertificate", parts: [{ where: null, value: "valid", field: { key: "foodSafetyManagerHealthCertificate", dataClass: "sensitive" } }] },
        { key: "foodSafetyManagerMobile", parts: [{ where: null, value: "13700137001" }] },
      ],
    });
    const [event] = await reveals(caseId);
    expect(event).toMatchObject({ actorId: amr.id, taskId: taskOf("AMR"), public: true });
    expect(event.data).toMatchObject({ purpose: "check-register", fields: [{ key: "foodSafetyManagerHealthCertificate" }, { key: "foodSafetyManagerMobile" }] });
    // Which answers, never what they say: neither the stored value nor the option's words.
    expect(JSON.stringify(event.data)).not.toMatch(/"valid"|持有有效/);
    expect(await verifyCaseTrail({ db: world.db, caseId })).toMatchObject({ ok: true });

    // Not another department's: FIRE's part of this case does not hold it.
    const fire = await world.actorOf("clerk-fire");
    expect(await revealPersonalAnswers({ db: world.db, actor: fire, taskId: taskOf("FIRE"), keys: ["foodSafetyManagerHealthCertificate"], purpose: "check-register" })).toMatchObject({ ok: false, code: "invalid:reveal-fields" });
    expect(await reveals(caseId)).toHaveLength(1);
  });

  it("has nothing to reveal of a sensitive question left unanswered", async () => {
    const { caseId, taskOf } = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers({ foodSafetyManagerHealthCertificate: "" }) });
    const amr = await world.actorOf("clerk-amr");
    expect(await revealPersonalAnswers({ db: world.db, actor: amr, taskId: taskOf("AMR"), keys: ["foodSafetyManagerHealthCertificate"], purpose: "check-register" })).toMatchObject({ ok: false, code: "invalid:reveal-fields" });
    expect(await reveals(caseId)).toHaveLength(0);
  });

  it("refuses a reveal without a purpose, or 'other' without saying what, and records nothing", async () => {
    const { caseId, taskOf } = await newRestaurantCase();
    const actor = await world.actorOf("clerk-amr");
    const base = { db: world.db, actor, taskId: taskOf("AMR"), keys: ["foodSafetyManagerMobile"] };
    expect(await revealPersonalAnswers({ ...base, purpose: "" })).toMatchObject({ ok: false, code: "invalid:reveal-purpose" });
    expect(await revealPersonalAnswers({ ...base, purpose: "curiosity" })).toMatchObject({ ok: false, code: "invalid:reveal-purpose" });
    expect(await revealPersonalAnswers({ ...base, purpose: "other", note: "  " })).toMatchObject({ ok: false, code: "invalid:reveal-note-required" });
    expect(await revealPersonalAnswers({ ...base, purpose: "other", note: "x".repeat(201) })).toMatchObject({ ok: false, code: "invalid:reveal-note-too-long" });
    expect(await revealPersonalAnswers({ ...base, keys: [], purpose: "verify-identity" })).toMatchObject({ ok: false, code: "invalid:reveal-fields" });
    expect(await reveals(caseId)).toHaveLength(0);
  });

  it("reveals nothing of another department's task or part, nor an answer without a personal number", async () => {
    const { caseId, taskOf } = await newRestaurantCase();
    const amr = await world.actorOf("clerk-amr");
    // FIRE's task: not found for an AMR clerk.
    expect(await revealPersonalAnswers({ db: world.db, actor: amr, taskId: taskOf("FIRE"), keys: ["fireSafetyManagerMobile"], purpose: "verify-identity" })).toMatchObject({ ok: false, code: "forbidden:task" });
    // FIRE's answer asked through AMR's own task: not in AMR's part.
    expect(await revealPersonalAnswers({ db: world.db, actor: amr, taskId: taskOf("AMR"), keys: ["fireSafetyManagerMobile"], purpose: "verify-identity" })).toMatchObject({ ok: false, code: "invalid:reveal-fields" });
    // One bad key refuses the whole request.
    expect(await revealPersonalAnswers({ db: world.db, actor: amr, taskId: taskOf("AMR"), keys: ["foodSafetyManagerMobile", "shopName"], purpose: "verify-identity" })).toMatchObject({ ok: false, code: "invalid:reveal-fields" });
    // An applicant is not a clerk.
    expect(await revealPersonalAnswers({ db: world.db, actor: await world.actorOf("enterprise"), taskId: taskOf("AMR"), keys: ["foodSafetyManagerMobile"], purpose: "verify-identity" })).toMatchObject({ ok: false });
    expect(await reveals(caseId)).toHaveLength(0);
  });
});
