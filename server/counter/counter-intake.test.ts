import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, drafts, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { demoCompany } from "@/seed/seed-demo";
import { loadActor } from "@/server/auth/actor";
import { saveDraftPage } from "@/server/drafts/save-draft-page";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { findApplicant } from "./find-applicant";
import { getCounterApplicant } from "./get-counter-applicant";
import { recordCompany } from "./record-company";
import { recordPerson } from "./record-person";
import { startCounterDraft } from "./start-counter-draft";

const now = new Date("2026-03-02T10:00:00+08:00");
const today = "2026-03-02";
const zhangSanId = "310104198803124016";

describe.each(testDatabaseKinds)("the counter finds and records applicants on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });
  const counter = () => world.actorOf("counter");
  const userCount = async () => (await world.db.select({ n: count() }).from(users))[0].n;
  const companyCount = async () => (await world.db.select({ n: count() }).from(companies))[0].n;

  it("finds a person by a resident ID number typed with full-width digits, and a company by its credit code", async () => {
    const [zhangSan] = await world.db.select({ id: users.id }).from(users).where(eq(users.username, "citizen"));
    const fullWidth = "３１０１０４１９８８０３１２４０１６";
    expect(await findApplicant({ db: world.db, actor: await counter(), kind: "person", number: fullWidth, today })).toEqual({ ok: true, found: { kind: "person", id: zhangSan.id }, number: zhangSanId });
    const company = await findApplicant({ db: world.db, actor: await counter(), kind: "company", number: demoCompany.uscc.toLowerCase() });
    expect(company.ok && company.found?.kind).toBe("company");
    // A valid number nobody has: not found, so the clerk may record them.
    expect(await findApplicant({ db: world.db, actor: await counter(), kind: "person", number: "11010519491231002X", today })).toMatchObject({ ok: true, found: null });
  });

  it("refuses a number whose check character does not add up, and anyone but a counter clerk", async () => {
    expect(await findApplicant({ db: world.db, actor: await counter(), kind: "person", number: "310104198803124017", today })).toMatchObject({ ok: false, code: "invalid:counter-resident-id" });
    expect(await findApplicant({ db: world.db, actor: await counter(), kind: "company", number: "91310104MA1FL8XQ37" })).toMatchObject({ ok: false, code: "invalid:counter-uscc" });
    for (const username of ["citizen", "clerk-hrss", "enterprise"]) {
      expect(await findApplicant({ db: world.db, actor: await world.actorOf(username), kind: "person", number: zhangSanId, today })).toMatchObject({ ok: false, code: "forbidden:role" });
    }
  });

  it("records a new person with the minimum data, marked as recorded at the counter, who cannot sign in", async () => {
    const before = await userCount();
    const bad = await recordPerson({ db: world.db, actor: await counter(), input: { name: "  ", residentIdNumber: "31010419900101123X", mobile: "1380013800" }, today });
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid:counter-record",
      fieldErrors: { name: "invalid:counter-name-required", residentIdNumber: "invalid:counter-resident-id", mobile: "invalid:counter-mobile" },
    });
    expect(await userCount()).toBe(before);

    const recorded = await recordPerson({ db: world.db, actor: await counter(), input: { name: "孙小窗", residentIdNumber: "310104199001011233", mobile: "" }, today, now });
    if (!recorded.ok) throw new Error(recorded.code);
    const [row] = await world.db.select().from(users).where(eq(users.id, recorded.id));
    expect(row).toMatchObject({ username: null, passwordHash: null, role: "citizen", displayName: "孙小窗", residentIdNumber: "310104199001011233", mobile: null, recordedById: (await counter()).id, recordedAt: now });
    expect(await loadActor(world.db, recorded.id)).toBeNull();
    const shown = await getCounterApplicant({ db: world.db, actor: await counter(), id: recorded.id });
    expect(shown).toMatchObject({ ok: true, applicant: { kind: "person", canSignIn: false, recordedBy: "赵窗口" } });
  });

  it("refuses to record someone twice, offering the existing record instead", async () => {
    const [zhangSan] = await world.db.select({ id: users.id }).from(users).where(eq(users.username, "citizen"));
    const before = await userCount();
    expect(await recordPerson({ db: world.db, actor: await counter(), input: { name: "张三", residentIdNumber: zhangSanId, mobile: "" }, today })).toMatchObject({
      ok: false,
      code: "conflict:counter-person-recorded",
      existingId: zhangSan.id,
    });
    expect(await userCount()).toBe(before);
  });

  it("records a new company with its region, and refuses bad input and a duplicate", async () => {
    const before = await companyCount();
    const bad = await recordCompany({ db: world.db, actor: await counter(), input: { uscc: "91110108MA01C2XH3Q", name: "新公司", legalRepresentative: "", address: "", regionCode: "310000" } });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        uscc: "invalid:counter-uscc",
        legalRepresentative: "invalid:counter-representative-required",
        address: "invalid:counter-address-required",
        regionCode: "invalid:counter-region",
      },
    });
    expect(await companyCount()).toBe(before);
    const input = { uscc: "91110108MA01C2XH3P", name: "北京窗口登记有限公司", legalRepresentative: "孙大窗", address: "中关村大街 1 号", regionCode: "110108" };
    const recorded = await recordCompany({ db: world.db, actor: await counter(), input, now });
    if (!recorded.ok) throw new Error(recorded.code);
    expect(await getCounterApplicant({ db: world.db, actor: await counter(), id: recorded.id })).toMatchObject({ ok: true, applicant: { kind: "company", name: "北京窗口登记有限公司", recordedBy: "赵窗口" } });
    expect(await recordCompany({ db: world.db, actor: await counter(), input })).toMatchObject({ ok: false, code: "conflict:counter-company-recorded", existingId: recorded.id });
    expect(await companyCount()).toBe(before + 1);
  });

  it("shows no staff member as an applicant", async () => {
    const clerk = await world.actorOf("clerk-hrss");
    expect(await getCounterApplicant({ db: world.db, actor: await counter(), id: clerk.id })).toMatchObject({ ok: false, code: "not-found:applicant" });
    expect(await getCounterApplicant({ db: world.db, actor: await counter(), id: "not-a-uuid" })).toMatchObject({ ok: false, code: "not-found:applicant" });
  });

  it("starts a company's draft for legal-person services only", async () => {
    const [company] = await world.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, demoCompany.uscc));
    expect(await startCounterDraft({ db: world.db, actor: await counter(), applicantId: company.id, subjectCode: "HRSS-PROOF" })).toMatchObject({ ok: false, code: "forbidden:applicant-type" });
    const started = await startCounterDraft({ db: world.db, actor: await counter(), applicantId: company.id, subjectCode: "BUNDLE-RESTAURANT", now });
    if (!started.ok) throw new Error(started.code);
    // The company's register data fills its page, whatever the browser sent: the company applies, not the clerk.
    const saved = await saveDraftPage({ db: world.db, actor: await counter(), draftId: started.draftId, pageKey: started.firstPageKey, posted: { unifiedSocialCreditCode: "91110108MA01C2XH3P" }, uploads: {}, intent: { kind: "refresh" }, now });
    expect(saved.ok).toBe(true);
    const [draft] = await world.db.select().from(drafts).where(eq(drafts.id, started.draftId));
    expect(draft).toMatchObject({ applicantId: (await counter()).id, companyId: company.id, filedForUserId: null });
    expect(draft.answers.unifiedSocialCreditCode).toBe(demoCompany.uscc);
  });
});
