/**
 * Enterprises: a company's staff (its legal representative and agents) share its cases; an agent of two companies
 * must say which one an application is for; staff of another company see nothing of it.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { demoCompany, demoCompany2 } from "@/seed/seed-demo";
import { restaurantAnswers } from "@/seed/sample-answers";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { listMyCases } from "@/server/cases/list-my-cases";
import { startDraft } from "@/server/drafts/start-draft";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { submitApplication } from "./submit-application";

describe.each(testDatabaseKinds)("company applicants on %s", (kind) => {
  let world: TWorld;
  let companyA = "";
  let companyB = "";
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    const idOf = async (uscc: string) => (await world.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, uscc)))[0].id;
    [companyA, companyB] = await Promise.all([idOf(demoCompany.uscc), idOf(demoCompany2.uscc)]);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const submitAs = async (username: string, companyId?: string) =>
    submitApplication({
      db: world.db,
      actor: await world.actorOf(username),
      subjectCode: "BUNDLE-RESTAURANT",
      rawAnswers: restaurantAnswers({ hasOutdoorSign: "no" }),
      companyId,
      idempotencyKey: randomUUID(),
      channel: "online",
    });

  it("makes an agent of two companies choose, and refuses a company they do not act for", async () => {
    const agent = await world.actorOf("agent");
    expect(agent.companyIds.sort()).toEqual([companyA, companyB].sort());
    expect(await startDraft({ db: world.db, actor: agent, subjectCode: "BUNDLE-RESTAURANT" })).toMatchObject({ ok: false, code: "invalid:company-required" });
    expect(await submitAs("agent")).toMatchObject({ ok: false, code: "invalid:company-required" });
    // enterprise2 acts for company B only: applying for A is refused, even with A's id in the request.
    expect(await submitAs("enterprise2", companyA)).toMatchObject({ ok: false, code: "forbidden:applicant-type" });
  });

  it("shares a company's case with its staff and shows nothing of it to another company's staff", async () => {
    const filed = await submitAs("agent", companyA);
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    if (!filed.ok) return;
    const caseNumber = filed.caseNumber;

    // The legal representative of A sees the case the agent filed for A.
    const seenByA = await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber });
    expect(seenByA.ok).toBe(true);
    const listed = await listMyCases({ db: world.db, actor: await world.actorOf("enterprise") });
    expect(listed.cases.find((row) => row.number === caseNumber)).toMatchObject({ companyName: demoCompany.name, status: "submitted" });
    // The filters of /me: an open case is under "open", not under "concluded"; the counts agree with the lists.
    const open = await listMyCases({ db: world.db, actor: await world.actorOf("enterprise"), filter: "open" });
    const concluded = await listMyCases({ db: world.db, actor: await world.actorOf("enterprise"), filter: "concluded" });
    expect(open.cases.map((row) => row.number)).toContain(caseNumber);
    expect(concluded.cases.map((row) => row.number)).not.toContain(caseNumber);
    expect([open.counts.open, open.counts.concluded, open.counts.all]).toEqual([open.cases.length, concluded.cases.length, listed.cases.length]);

    // The legal representative of B does not, by number or in the list; nor does a citizen.
    for (const username of ["enterprise2", "citizen"]) {
      const actor = await world.actorOf(username);
      expect(await getCaseForApplicant({ db: world.db, actor, caseNumber })).toMatchObject({ ok: false });
      expect((await listMyCases({ db: world.db, actor })).cases.map((row) => row.number)).not.toContain(caseNumber);
    }

    // A case filed for B is B's: the agent sees it, A's legal representative does not.
    const forB = await submitAs("agent", companyB);
    if (!forB.ok) throw new Error(forB.code);
    expect((await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise2"), caseNumber: forB.caseNumber })).ok).toBe(true);
    expect(await getCaseForApplicant({ db: world.db, actor: await world.actorOf("enterprise"), caseNumber: forB.caseNumber })).toMatchObject({ ok: false });
  });
});
