import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, companyMembers, identityLinks, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { demoCompany } from "@/seed/seed-demo";
import { listMyCases } from "@/server/cases/list-my-cases";
import { recordPerson } from "@/server/counter/record-person";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { loadActor } from "./actor";
import { defaultIdentityClaimNames, readIdentityClaims, sameLegalName } from "./read-identity-claims";
import { signInWithIdentity } from "./sign-in-with-identity";
import { signInWithPassword } from "./sign-in-with-password";
import { residentIdColumns } from "@/server/data-protection/personal-number-columns";

const issuer = "https://tyrz.example.gov.cn/oidc";
const today = "2026-03-02";
const now = new Date("2026-03-02T10:00:00+08:00");
const names = defaultIdentityClaimNames;

/** What the provider's userinfo says about one person. */
const claimsOf = (sub: string, name: string, idNumber: string, extra: Record<string, unknown> = {}) => ({ sub, name, id_number: idNumber, id_number_verified: true, ...extra });

describe("reading the identity provider's claims", () => {
  it("takes the configured claim names, normalizes the ID number and keeps a valid mobile only", () => {
    const custom = { idNumber: "certNo", idNumberVerified: "realNameVerified", name: "realName", mobile: "mobile" };
    expect(readIdentityClaims({ claims: { sub: "u1", certNo: "31011019870722441x", realNameVerified: "true", realName: " 钱七 ", mobile: "+86 135-0013-5000" }, names: custom, today })).toEqual({
      ok: true,
      subject: "u1",
      residentIdNumber: "31011019870722441X",
      name: "钱七",
      mobile: "13500135000",
    });
    expect(readIdentityClaims({ claims: claimsOf("u1", "钱七", "31011019870722441X", { phone_number: "12345" }), names, today })).toMatchObject({ ok: true, mobile: null });
  });

  it("refuses an unverified number as unverified, and missing or broken claims as such", () => {
    for (const verified of [false, "false", undefined, 1]) {
      expect(readIdentityClaims({ claims: claimsOf("u1", "钱七", "31011019870722441X", { id_number_verified: verified }), names, today })).toEqual({ ok: false, code: "forbidden:identity-unverified" });
    }
    for (const claims of [null, "text", { name: "钱七" }, claimsOf("", "钱七", "31011019870722441X"), claimsOf("u1", "钱七", "310110198707224410"), claimsOf("u1", "", "31011019870722441X"), claimsOf("u1", "钱\u0000七", "31011019870722441X")]) {
      expect(readIdentityClaims({ claims, names, today }), JSON.stringify(claims)).toEqual({ ok: false, code: "invalid:identity-claims" });
    }
  });

  it("compares legal names across full-width forms, spaces and the middle dot's spellings", () => {
    expect(sameLegalName("阿卜杜·热合曼", "阿卜杜•热合曼")).toBe(true);
    expect(sameLegalName("王 五", "王五")).toBe(true);
    expect(sameLegalName("李四", "李思")).toBe(false);
  });
});

describe.each(testDatabaseKinds)("signing in through the unified identity provider on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });

  const signIn = (claims: unknown) => signInWithIdentity({ db: world.db, issuer, claims, names, today, now });
  const userCount = async () => (await world.db.select({ n: count() }).from(users))[0].n;
  const linksOf = (userId: string) => world.db.select().from(identityLinks).where(eq(identityLinks.userId, userId));
  const idOf = async (username: string) => (await world.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;

  it("links a walk-in recorded at the counter, who then acts and sees the case filed for them; a second sign-in reuses the link", async () => {
    const counter = await world.actorOf("counter");
    const recorded = await recordPerson({ db: world.db, actor: counter, input: { name: "孙八", residentIdNumber: "310104197506151232", mobile: "" }, today, now });
    if (!recorded.ok) throw new Error(recorded.code);
    await seedQueueTasks(world.db, { departmentCode: "HRSS", count: 1, applicantId: recorded.id, channel: "counter" });
    expect(await loadActor(world.db, recorded.id)).toBeNull();

    const before = await userCount();
    const first = await signIn(claimsOf("sub-sunba", "孙八", "310104197506151232"));
    expect(first).toMatchObject({ ok: true, outcome: "linked-now", user: { id: recorded.id, displayName: "孙八", role: "citizen" } });
    expect(await userCount()).toBe(before);
    const actor = await loadActor(world.db, recorded.id);
    expect(actor).toMatchObject({ id: recorded.id, username: null, role: "citizen", companyIds: [] });
    expect((await listMyCases({ db: world.db, actor: actor! })).cases).toEqual([expect.objectContaining({ channel: "counter" })]);

    const second = await signIn(claimsOf("sub-sunba", "孙八", "310104197506151232"));
    expect(second).toMatchObject({ ok: true, outcome: "linked-before", user: { id: recorded.id } });
    expect(await linksOf(recorded.id)).toEqual([expect.objectContaining({ issuer, subject: "sub-sunba", userId: recorded.id })]);
  });

  it("links a person with a password account by the ID number the register stores; the password still works", async () => {
    const zhangSan = await idOf("citizen");
    // Lower-case x and full-width digits are how the number may come; this one has neither, the register's exact form.
    expect(await signIn(claimsOf("sub-zhangsan", "张三", "310104198803124016"))).toMatchObject({ ok: true, outcome: "linked-now", user: { id: zhangSan, role: "citizen" } });
    expect(await signInWithPassword({ db: world.db, username: "citizen", password: "demo2026", address: null })).toMatchObject({ ok: true, user: { id: zhangSan } });
  });

  it("creates a person nobody has recorded, with the provider's name and mobile, once", async () => {
    const before = await userCount();
    const created = await signIn(claimsOf("sub-zhouxin", "周新", "310101199501010027", { phone_number: "13912345678" }));
    if (!created.ok) throw new Error(created.code);
    expect(created).toMatchObject({ outcome: "created", user: { displayName: "周新", role: "citizen", sessionVersion: 0 } });
    const [row] = await world.db.select().from(users).where(eq(users.id, created.user.id));
    expect(row).toMatchObject({ username: null, passwordHash: null, residentIdNumber: "310101199501010027", mobile: "13912345678", recordedById: null });
    expect(await loadActor(world.db, created.user.id)).toMatchObject({ displayName: "周新", role: "citizen" });

    expect(await signIn(claimsOf("sub-zhouxin", "周新", "310101199501010027"))).toMatchObject({ ok: true, outcome: "linked-before", user: { id: created.user.id } });
    expect(await userCount()).toBe(before + 1);
  });

  it("makes one person of two first sign-ins at once", async () => {
    const before = await userCount();
    const claims = claimsOf("sub-twice", "郑双", "310101199202020022");
    const results = await Promise.all([signIn(claims), signIn(claims)]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    const ids = new Set(results.map((result) => (result.ok ? result.user.id : null)));
    expect(ids.size).toBe(1);
    expect(await userCount()).toBe(before + 1);
    expect(await linksOf([...ids][0]!)).toHaveLength(1);
  });

  it("gives a person of the enterprise registry the enterprise role and the companies the registry names", async () => {
    const wangWu = await idOf("enterprise");
    const result = await signIn(claimsOf("sub-wangwu", "王五", "310105198501011231"));
    expect(result).toMatchObject({ ok: true, user: { id: wangWu, role: "enterprise" } });
    const [company] = await world.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, demoCompany.uscc));
    expect((await loadActor(world.db, wangWu))?.companyIds).toEqual([company.id]);
  });

  it("follows the registry at each sign-in: a new membership makes the person enterprise staff, ending older sessions", async () => {
    const zhouXin = await signIn(claimsOf("sub-zhouxin", "周新", "310101199501010027"));
    if (!zhouXin.ok) throw new Error(zhouXin.code);
    const [company] = await world.db.select({ id: companies.id }).from(companies).where(eq(companies.uscc, demoCompany.uscc));
    await world.db.insert(companyMembers).values({ companyId: company.id, userId: zhouXin.user.id, role: "agent" });
    const again = await signIn(claimsOf("sub-zhouxin", "周新", "310101199501010027"));
    expect(again).toMatchObject({ ok: true, user: { role: "enterprise", sessionVersion: zhouXin.user.sessionVersion + 1 } });
    expect(await loadActor(world.db, zhouXin.user.id, { sessionVersion: zhouXin.user.sessionVersion })).toBeNull();
    await world.db.delete(companyMembers).where(and(eq(companyMembers.companyId, company.id), eq(companyMembers.userId, zhouXin.user.id)));
  });

  it("refuses an unverified ID number and broken claims, writing nothing", async () => {
    const before = await userCount();
    expect(await signIn(claimsOf("sub-wuwei", "吴未", "310107198008080017", { id_number_verified: false }))).toEqual({ ok: false, code: "forbidden:identity-unverified" });
    expect(await signIn(claimsOf("sub-wuwei", "吴未", "310107198008080018"))).toEqual({ ok: false, code: "invalid:identity-claims" });
    expect(await userCount()).toBe(before);
    expect(await world.db.select().from(identityLinks).where(eq(identityLinks.subject, "sub-wuwei"))).toEqual([]);
  });

  it("refuses claims that do not match the register: another name for the number, another number for the link, a second account", async () => {
    const liSi = await idOf("citizen2");
    expect(await signIn(claimsOf("sub-lisi", "李思", "310115199008072521"))).toEqual({ ok: false, code: "conflict:identity-mismatch" });
    expect(await linksOf(liSi)).toEqual([]);
    // The provider's account once linked to 张三 now says it is someone else.
    expect(await signIn(claimsOf("sub-zhangsan", "李四", "310115199008072521"))).toEqual({ ok: false, code: "conflict:identity-mismatch" });
    // 张三 is linked to one account at this provider; another account with his number is not him here.
    expect(await signIn(claimsOf("sub-zhangsan-2", "张三", "310104198803124016"))).toEqual({ ok: false, code: "conflict:identity-mismatch" });
    // Each provider has its own subjects: the same number through another provider links its own account.
    const other = await signInWithIdentity({ db: world.db, issuer: "https://other.example.gov.cn", claims: claimsOf("sub-zhangsan", "张三", "310104198803124016"), names, today, now });
    expect(other).toMatchObject({ ok: true, outcome: "linked-now", user: { id: await idOf("citizen") } });
  });

  it("refuses a staff account and a disabled one, so neither signs in this way", async () => {
    const clerk = await idOf("clerk-hrss");
    await world.db.update(users).set(residentIdColumns("310101198001010018")).where(eq(users.id, clerk));
    expect(await signIn(claimsOf("sub-clerk", "陈静", "310101198001010018"))).toEqual({ ok: false, code: "conflict:identity-staff-account" });
    expect(await linksOf(clerk)).toEqual([]);

    const liSi = await idOf("citizen2");
    await world.db.update(users).set({ disabledAt: now }).where(eq(users.id, liSi));
    expect(await signIn(claimsOf("sub-lisi", "李四", "310115199008072521"))).toEqual({ ok: false, code: "forbidden:identity-disabled" });
    await world.db.update(users).set({ disabledAt: null }).where(eq(users.id, liSi));
    expect(await signIn(claimsOf("sub-lisi", "李四", "310115199008072521"))).toMatchObject({ ok: true, user: { id: liSi } });
  });
});
