import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChanges, departments, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { seedUser } from "@/seed/factories";
import { loadActor, type TActor } from "@/server/auth/actor";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { changeStaffGrant } from "./change-staff-grant";
import { createStaffAccount } from "./create-staff-account";
import { findStaffAccount, listStaffAccounts } from "./list-staff-accounts";
import { resetStaffPassword } from "./reset-staff-password";
import { setAccountDisabled } from "./set-account-disabled";

describe.each(testDatabaseKinds)("administration of staff accounts on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  let fireId: string;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
    [{ id: fireId }] = await world.db.select({ id: departments.id }).from(departments).where(eq(departments.code, "FIRE"));
  });
  afterAll(async () => {
    await world?.drop();
  });
  const userNamed = async (username: string) => (await world.db.select().from(users).where(eq(users.username, username)))[0];
  const changes = () => world.db.select().from(adminChanges).orderBy(desc(adminChanges.id));
  const signIn = (username: string, password: string) => signInWithPassword({ db: world.db, username, password, address: "192.0.2.1", failuresPerAccount: 100, failuresPerAddress: 1000 });

  it("creates a clerk with a one-time password that signs in once and must be changed; recorded without the hash", async () => {
    const created = await createStaffAccount({ db: world.db, actor: admin, input: { username: " Clerk-Fire2 ", displayName: "消防新人", role: "clerk", departmentId: fireId } });
    expect(created).toMatchObject({ ok: true, username: "clerk-fire2", oneTimePassword: expect.stringMatching(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/) });
    if (!created.ok) return;
    const row = await userNamed("clerk-fire2");
    expect(row).toMatchObject({ role: "clerk", departmentId: fireId, mustChangePassword: true, disabledAt: null });
    expect(row.passwordHash).not.toContain(created.oneTimePassword);
    expect(await signIn("clerk-fire2", created.oneTimePassword)).toMatchObject({ ok: true });
    expect(await loadActor(world.db, row.id)).toMatchObject({ role: "clerk", departmentId: fireId, mustChangePassword: true });

    const [change] = await changes();
    expect(change).toMatchObject({ entity: "user", entityId: row.id, action: "create", actorId: admin.id, before: null, after: { username: "clerk-fire2", role: "clerk", departmentId: fireId, mustChangePassword: true } });
    const recorded = JSON.stringify(change);
    expect(recorded).not.toContain(row.passwordHash);
    expect(recorded).not.toContain("passwordHash");
    expect(recorded).not.toContain(created.oneTimePassword);
  });

  it("refuses a taken user name, a clerk without a department, a department for an admin, and bad text — writing nothing", async () => {
    const before = (await changes()).length;
    expect(await createStaffAccount({ db: world.db, actor: admin, input: { username: "clerk-fire", displayName: "重名", role: "clerk", departmentId: fireId } })).toEqual({
      ok: false,
      code: "conflict:username-taken",
      fields: { username: "conflict:username-taken" },
    });
    expect(await createStaffAccount({ db: world.db, actor: admin, input: { username: "clerk-nobody", displayName: "无部门", role: "clerk", departmentId: "" } })).toEqual({
      ok: false,
      code: "invalid:department-required",
      fields: { departmentId: "invalid:department-required" },
    });
    expect(await createStaffAccount({ db: world.db, actor: admin, input: { username: "admin2", displayName: "管理员", role: "admin", departmentId: fireId } })).toMatchObject({ code: "invalid:department-not-allowed" });
    expect(await createStaffAccount({ db: world.db, actor: admin, input: { username: "x", displayName: "a\u0007", role: "citizen", departmentId: "'; drop table users" } })).toMatchObject({
      ok: false,
      fields: { username: "invalid:username", displayName: "invalid:text-control-character", role: "invalid:staff-role", departmentId: "invalid:department-required" },
    });
    expect(await createStaffAccount({ db: world.db, actor: admin, input: { username: "clerk-ghost", displayName: "幽灵", role: "clerk", departmentId: "00000000-0000-4000-8000-000000000000" } })).toMatchObject({ code: "invalid:department-required" });
    expect((await changes()).length).toBe(before);
    expect(await userNamed("clerk-nobody")).toBeUndefined();
  });

  it("changing a role or department ends the person's sessions at once, and is recorded", async () => {
    const clerk = await userNamed("clerk-health");
    const session = { sessionVersion: clerk.sessionVersion };
    expect(await loadActor(world.db, clerk.id, session)).not.toBeNull();
    expect(await changeStaffGrant({ db: world.db, actor: admin, userId: clerk.id, input: { role: "supervisor", departmentId: "" } })).toEqual({ ok: true, changed: true });
    expect(await loadActor(world.db, clerk.id, session)).toBeNull();
    expect((await changes())[0]).toMatchObject({ action: "change-role", before: { role: "clerk", departmentId: expect.any(String) }, after: { role: "supervisor", departmentId: null } });
    // The same grant again changes nothing and records nothing.
    const count = (await changes()).length;
    expect(await changeStaffGrant({ db: world.db, actor: admin, userId: clerk.id, input: { role: "supervisor", departmentId: "" } })).toEqual({ ok: true, changed: false });
    expect((await changes()).length).toBe(count);
  });

  it("a disabled account cannot sign in and its sessions end; enabled again, it signs in", async () => {
    const clerk = await userNamed("clerk-police");
    const session = { sessionVersion: clerk.sessionVersion };
    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: clerk.id, disabled: true })).toEqual({ ok: true, username: "clerk-police" });
    expect(await loadActor(world.db, clerk.id, session)).toBeNull();
    // Not even a session issued under the new version: a disabled account has no actor.
    expect(await loadActor(world.db, clerk.id, { sessionVersion: (await userNamed("clerk-police")).sessionVersion })).toBeNull();
    expect(await signIn("clerk-police", "demo2026")).toEqual({ ok: false, code: "invalid" });
    expect((await changes())[0]).toMatchObject({ entity: "user", entityId: clerk.id, action: "disable", before: { disabledAt: null }, after: { disabledAt: expect.any(String) } });
    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: clerk.id, disabled: true })).toEqual({ ok: false, code: "conflict:account-unchanged" });

    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: clerk.id, disabled: false })).toEqual({ ok: true, username: "clerk-police" });
    expect(await signIn("clerk-police", "demo2026")).toMatchObject({ ok: true });
  });

  it("a reset gives a new one-time password, ends sessions and forces a change; the old password stops working", async () => {
    const counter = await userNamed("counter");
    const session = { sessionVersion: counter.sessionVersion };
    const reset = await resetStaffPassword({ db: world.db, actor: admin, userId: counter.id });
    expect(reset).toMatchObject({ ok: true, username: "counter" });
    if (!reset.ok) return;
    expect(await loadActor(world.db, counter.id, session)).toBeNull();
    expect(await signIn("counter", "demo2026")).toEqual({ ok: false, code: "invalid" });
    expect(await signIn("counter", reset.oneTimePassword)).toMatchObject({ ok: true });
    expect(await userNamed("counter")).toMatchObject({ mustChangePassword: true });
    const [change] = await changes();
    expect(change).toMatchObject({ action: "reset-password", after: { mustChangePassword: true } });
    expect(JSON.stringify(change)).not.toMatch(/argon2|passwordHash/);
  });

  it("never disables the admin themselves nor leaves no admin; a second admin may be disabled", async () => {
    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: admin.id, disabled: true })).toEqual({ ok: false, code: "conflict:own-account" });
    expect(await resetStaffPassword({ db: world.db, actor: admin, userId: admin.id })).toEqual({ ok: false, code: "conflict:own-account" });
    // The only admin cannot be given another role, even by themselves.
    expect(await changeStaffGrant({ db: world.db, actor: admin, userId: admin.id, input: { role: "supervisor", departmentId: "" } })).toEqual({ ok: false, code: "conflict:last-admin" });

    const second = await seedUser(world.db, { username: "admin2", role: "admin", displayName: "第二管理员" });
    const secondActor = await world.actorOf("admin2");
    // With two, either may go, but not both: the last one left is refused.
    expect(await setAccountDisabled({ db: world.db, actor: secondActor, userId: admin.id, disabled: true })).toMatchObject({ ok: true });
    expect(await changeStaffGrant({ db: world.db, actor: secondActor, userId: second.id, input: { role: "counter", departmentId: "" } })).toEqual({ ok: false, code: "conflict:last-admin" });
    expect(await setAccountDisabled({ db: world.db, actor: secondActor, userId: admin.id, disabled: false })).toMatchObject({ ok: true });
    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: second.id, disabled: true })).toMatchObject({ ok: true });
  });

  it("lists and finds staff only, for the admin only; an applicant's account is not the admin's", async () => {
    const listed = await listStaffAccounts({ db: world.db, actor: admin, search: "clerk-f" });
    expect(listed.ok && listed.accounts.map((account) => account.username)).toEqual(["clerk-fire", "clerk-fire2"]);
    const byName = await listStaffAccounts({ db: world.db, actor: admin, search: "消防" });
    expect(byName.ok && byName.accounts.map((account) => account.username)).toContain("clerk-fire2");
    const wildcard = await listStaffAccounts({ db: world.db, actor: admin, search: "%" });
    expect(wildcard.ok && wildcard.accounts).toEqual([]);
    const all = await listStaffAccounts({ db: world.db, actor: admin });
    expect(all.ok && all.accounts.some((account) => account.role === "citizen" || account.role === "enterprise")).toBe(false);

    const citizen = await userNamed("citizen");
    expect(await findStaffAccount({ db: world.db, actor: admin, userId: citizen.id })).toEqual({ ok: false, code: "not-found:account" });
    expect(await setAccountDisabled({ db: world.db, actor: admin, userId: citizen.id, disabled: true })).toEqual({ ok: false, code: "not-found:account" });
    expect(await resetStaffPassword({ db: world.db, actor: admin, userId: citizen.id })).toEqual({ ok: false, code: "not-found:account" });

    for (const username of ["clerk-fire", "supervisor", "counter", "citizen"]) {
      const actor = (await world.actorOf(username))!;
      expect(await listStaffAccounts({ db: world.db, actor })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await createStaffAccount({ db: world.db, actor, input: { username: "sneaky", displayName: "x", role: "admin", departmentId: "" } })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await setAccountDisabled({ db: world.db, actor, userId: admin.id, disabled: true })).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});
