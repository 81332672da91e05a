/**
 * /me/data's document on both databases: the person's own register row in full, their cases with answers and the
 * timeline that names who viewed their data, their licences and messages — and nothing of anyone else's.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords, caseEvents, identityLinks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { deliverOutbox } from "@/server/notifications/deliver-outbox";
import { databaseNow } from "@/server/testing/database-now";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { exportMyData, MY_DATA_FORMAT } from "./export-my-data";

describe.each(testDatabaseKinds)("a person's own data on %s", (kind) => {
  let world: TWorld;
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    // An instant proof: approved by the system, a licence issued and a message queued.
    const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    mine = submitted.caseNumber;
    theirs = (await submitTestCase(world, { username: "citizen2", subjectCode: "HRSS-PROOF", answers: proofAnswers() })).caseNumber;
    await deliverOutbox({ db: world.db, now: databaseNow() });
    const [clerk] = await world.db.select().from(users).where(eq(users.username, "clerk-hrss"));
    // A view of the applicant's personal data, as the desk records it (server/workflow/reveal-personal-answers.ts).
    await world.db.insert(caseEvents).values({
      caseId: submitted.caseId,
      actorId: clerk.id,
      kind: "personal-data-revealed",
      data: { fields: [{ key: "idNumber", label: { "zh-Hans": "身份证号码", "zh-Hant": "身分證號碼", en: "ID number" } }], purpose: "verify-identity", department: "HRSS" },
      public: true,
      hash: "test",
    });
    const [citizen] = await world.db.select().from(users).where(eq(users.username, "citizen"));
    await world.db.insert(identityLinks).values({ issuer: "https://id.example.gov", subject: "provider-subject-1", userId: citizen.id });
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("holds the person's register row in full, their case with its answers, tasks and timeline, licence and message", async () => {
    const actor = await world.actorOf("citizen");
    const data = await exportMyData({ db: world.db, actor });
    const [citizen] = await world.db.select().from(users).where(eq(users.username, "citizen"));
    expect(data.format).toBe(MY_DATA_FORMAT);
    // Their own numbers, unmasked: the document is theirs.
    expect(data.person).toMatchObject({ username: "citizen", residentIdNumber: citizen.residentIdNumber, mobile: citizen.mobile });
    const numbers = data.cases.map((row) => row.number);
    expect(numbers).toContain(mine);
    expect(numbers).not.toContain(theirs);
    const own = data.cases.find((row) => row.number === mine)!;
    expect(Object.keys(own.answers).length).toBeGreaterThan(0);
    expect(own.tasks).toEqual([expect.objectContaining({ department: "HRSS", status: "approved" })]);
    expect(own.timeline.map((event) => event.kind)).toContain("personal-data-revealed");
    expect(data.licences.length).toBeGreaterThan(0);
    expect(data.messages.length).toBeGreaterThan(0);
    // The provider's link is named by its issuer; its subject is the provider's key, not the person's data.
    expect(data.identityProviderLinks).toEqual([expect.objectContaining({ issuer: "https://id.example.gov" })]);
    expect(JSON.stringify(data)).not.toContain("provider-subject-1");
    // The download is on the audit trail: who took whose data.
    const [record] = await world.db.select().from(auditRecords).where(and(eq(auditRecords.targetType, "personal-data"), eq(auditRecords.actorId, actor.id)));
    expect(record).toMatchObject({ action: "document-downloaded", targetId: actor.id, outcome: "ok" });
  });

  it("gives another person none of it", async () => {
    const data = await exportMyData({ db: world.db, actor: await world.actorOf("citizen2") });
    expect(data.person).toMatchObject({ username: "citizen2" });
    expect(data.cases.map((row) => row.number)).toEqual([theirs]);
    expect(data.identityProviderLinks).toEqual([]);
    const clerk = await exportMyData({ db: world.db, actor: await world.actorOf("clerk-hrss") });
    expect(clerk.cases).toEqual([]);
    expect(clerk.licences).toEqual([]);
  });
});
