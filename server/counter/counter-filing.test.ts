import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseEvents, cases, drafts, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedUser } from "@/seed/factories";
import { proofAnswers } from "@/seed/sample-answers";
import type { TActor } from "@/server/auth/actor";
import { getCaseForApplicant } from "@/server/cases/get-case-for-applicant";
import { listMyCases } from "@/server/cases/list-my-cases";
import { renderCaseReceipt } from "@/server/cases/render-case-receipt";
import { listMyDrafts } from "@/server/drafts/list-my-drafts";
import { saveDraftPage } from "@/server/drafts/save-draft-page";
import { submitDraft } from "@/server/drafts/submit-draft";
import { submitApplication } from "@/server/intake/submit-application";
import { readPdf } from "@/server/testing/pdf-text";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { COUNTER_CONSENT_VERSION } from "./counter-consent";
import { recordPerson } from "./record-person";
import { startCounterDraft } from "./start-counter-draft";

const now = new Date("2026-03-02T10:00:00+08:00");

describe.each(testDatabaseKinds)("filing at the counter on %s", (kind) => {
  let world: TWorld;
  let counter: TActor;
  let zhangSan: TActor;
  let filedNumber: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    await seedUser(world.db, { username: "counter2", role: "counter", displayName: "钱窗口" });
    counter = await world.actorOf("counter");
    zhangSan = await world.actorOf("citizen");
  });
  afterAll(async () => {
    await world?.drop();
  });

  /** The counter clerk starts HRSS-PROOF for a person and saves its one page with what the browser posted. */
  async function fillProof(personId: string, posted: Record<string, unknown>) {
    const started = await startCounterDraft({ db: world.db, actor: counter, applicantId: personId, subjectCode: "HRSS-PROOF", now });
    if (!started.ok) throw new Error(started.code);
    const saved = await saveDraftPage({ db: world.db, actor: counter, draftId: started.draftId, pageKey: started.firstPageKey, posted, uploads: {}, intent: { kind: "next" }, now });
    expect(saved).toMatchObject({ ok: true, next: "check" });
    const [draft] = await world.db.select().from(drafts).where(eq(drafts.id, started.draftId));
    return draft;
  }

  it("prefills from the applicant's register data, not the clerk's, whatever the browser posted", async () => {
    const draft = await fillProof(zhangSan.id, proofAnswers({ applicantName: "赵窗口", applicantIdNumber: "11010519491231002X" }));
    expect(draft).toMatchObject({ applicantId: counter.id, filedForUserId: zhangSan.id, companyId: null });
    expect(draft.answers).toMatchObject({ applicantName: "张三", applicantIdNumber: "310104198803124016" });
  });

  it("refuses to file without the applicant's consent, and writes nothing", async () => {
    const draft = await fillProof(zhangSan.id, proofAnswers());
    const refused = await submitDraft({ db: world.db, actor: counter, draftId: draft.id, idempotencyKey: draft.idempotencyKey, now });
    expect(refused).toMatchObject({ ok: false, code: "invalid:counter-consent-required" });
    expect(await world.db.select().from(cases).where(eq(cases.idempotencyKey, draft.idempotencyKey))).toHaveLength(0);
    expect(await world.db.select().from(drafts).where(eq(drafts.id, draft.id))).toHaveLength(1);
    // Nor does the intake path take a counter case without a filer and consent.
    const direct = await submitApplication({ db: world.db, actor: zhangSan, subjectCode: "HRSS-PROOF", rawAnswers: proofAnswers(), idempotencyKey: crypto.randomUUID(), channel: "counter" });
    expect(direct).toMatchObject({ ok: false, code: "invalid:counter-consent-required" });
  });

  it("files for the applicant on channel counter, with the clerk as filer and the consent stored", async () => {
    const draft = await fillProof(zhangSan.id, proofAnswers());
    const filed = await submitDraft({ db: world.db, actor: counter, draftId: draft.id, idempotencyKey: draft.idempotencyKey, consent: true, now });
    if (!filed.ok) throw new Error(filed.code);
    filedNumber = filed.caseNumber;
    const [row] = await world.db.select().from(cases).where(eq(cases.number, filed.caseNumber));
    expect(row).toMatchObject({ applicantId: zhangSan.id, filedById: counter.id, channel: "counter", consentVersion: COUNTER_CONSENT_VERSION, consentedAt: now, companyId: null });
    expect(await world.db.select().from(drafts).where(eq(drafts.id, draft.id))).toHaveLength(0);
    // The instant service was decided at once, as online; the trail names the clerk as who submitted it.
    expect(row.status).toBe("concluded");
    const [submitted] = await world.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, "case-submitted")));
    expect(submitted).toMatchObject({ actorId: counter.id, data: { channel: "counter" } });
    // A second press of the button gives the same case back.
    expect(await submitDraft({ db: world.db, actor: counter, draftId: draft.id, idempotencyKey: draft.idempotencyKey, consent: true, now })).toEqual({ ok: true, caseNumber: filed.caseNumber, duplicate: true });
  });

  it("shows the applicant the case in their list and on their tracker, with who filed it", async () => {
    const mine = await listMyCases({ db: world.db, actor: zhangSan });
    expect(mine.cases.find((item) => item.number === filedNumber)).toMatchObject({ channel: "counter", filerName: "赵窗口", applicantName: "张三" });
    expect(await getCaseForApplicant({ db: world.db, actor: zhangSan, caseNumber: filedNumber })).toMatchObject({ ok: true, filerName: "赵窗口", case: { channel: "counter" } });
  });

  it("lists for each counter clerk only the cases they filed", async () => {
    const online = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    const filedByMe = await listMyCases({ db: world.db, actor: counter });
    expect(filedByMe.cases.map((item) => item.number)).toEqual([filedNumber]);
    expect(filedByMe.counts.all).toBe(1);
    const colleague = await world.actorOf("counter2");
    expect((await listMyCases({ db: world.db, actor: colleague })).counts.all).toBe(0);
    expect(await getCaseForApplicant({ db: world.db, actor: counter, caseNumber: online.caseNumber })).toMatchObject({ ok: false, code: "not-found:case" });
  });

  it("gives the filing clerk the receipt, saying it was filed at the counter; nobody else but the applicant", async () => {
    const receipt = await renderCaseReceipt({ db: world.db, actor: counter, caseNumber: filedNumber, locale: "zh-Hans", baseUrl: "https://onedoor.example" });
    if (!receipt.ok) throw new Error(receipt.code);
    const lines = (await readPdf(receipt.pdf)).pages[0].lines.map((line) => line.text);
    expect(lines).toContain("受理方式 综合窗口代办，经办人：赵窗口");
    expect(lines).toContain("申请人 张三");
    const english = await renderCaseReceipt({ db: world.db, actor: counter, caseNumber: filedNumber, locale: "en", baseUrl: "https://onedoor.example" });
    if (!english.ok) throw new Error(english.code);
    expect((await readPdf(english.pdf)).text).toContain("at the service counter, by 赵窗口");
    expect((await renderCaseReceipt({ db: world.db, actor: zhangSan, caseNumber: filedNumber, locale: "zh-Hans", baseUrl: "https://onedoor.example" })).ok).toBe(true);
    for (const username of ["counter2", "citizen2", "clerk-hrss", "enterprise"]) {
      const actor = await world.actorOf(username);
      expect(await renderCaseReceipt({ db: world.db, actor, caseNumber: filedNumber, locale: "zh-Hans", baseUrl: "https://onedoor.example" }), username).toMatchObject({ ok: false, code: "not-found:case" });
      expect(await getCaseForApplicant({ db: world.db, actor, caseNumber: filedNumber }), username).toMatchObject({ ok: false, code: "not-found:case" });
    }
  });

  it("files for a person recorded at the counter, prefilled from what was recorded", async () => {
    const recorded = await recordPerson({ db: world.db, actor: counter, input: { name: "孙小窗", residentIdNumber: "310104199001011233", mobile: "13700137000" }, now });
    if (!recorded.ok) throw new Error(recorded.code);
    // The clerk's page shows the register's numbers masked and posts none of them: the register's go in.
    const { applicantName: _name, applicantIdNumber: _idNumber, ...typed } = proofAnswers();
    const draft = await fillProof(recorded.id, typed);
    expect(draft.answers).toMatchObject({ applicantName: "孙小窗", applicantIdNumber: "310104199001011233" });
    const filed = await submitDraft({ db: world.db, actor: counter, draftId: draft.id, idempotencyKey: draft.idempotencyKey, consent: true, now });
    if (!filed.ok) throw new Error(filed.code);
    const [row] = await world.db.select({ applicantId: cases.applicantId }).from(cases).where(eq(cases.number, filed.caseNumber));
    expect(row.applicantId).toBe(recorded.id);
    const [person] = await world.db.select({ username: users.username }).from(users).where(eq(users.id, recorded.id));
    expect(person.username).toBeNull();
  });

  it("keeps a counter clerk's draft from anyone else, and another clerk's from them", async () => {
    const draft = await fillProof(zhangSan.id, proofAnswers());
    // The clerk finds it again on 张三's page; nobody else's drafts list holds it.
    expect((await listMyDrafts({ db: world.db, actor: counter, filedFor: zhangSan.id, now })).map((row) => row.id)).toContain(draft.id);
    expect((await listMyDrafts({ db: world.db, actor: counter, filedFor: (await world.actorOf("citizen2")).id, now })).map((row) => row.id)).not.toContain(draft.id);
    expect((await listMyDrafts({ db: world.db, actor: await world.actorOf("counter2"), filedFor: zhangSan.id, now })).map((row) => row.id)).not.toContain(draft.id);
    expect((await listMyDrafts({ db: world.db, actor: zhangSan, now })).map((row) => row.id)).not.toContain(draft.id);
    for (const username of ["counter2", "citizen"]) {
      const actor = await world.actorOf(username);
      expect(await submitDraft({ db: world.db, actor, draftId: draft.id, idempotencyKey: draft.idempotencyKey, consent: true, now }), username).toMatchObject({ ok: false, code: "forbidden:draft" });
    }
  });
});
