import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { createStaffAccount } from "@/server/staff/create-staff-account";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { loadActor } from "./actor";
import { changeOwnPassword } from "./change-own-password";
import { signInWithPassword } from "./sign-in-with-password";

describe.each(testDatabaseKinds)("choosing one's own password on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => {
    await world?.drop();
  });
  const signIn = (username: string, password: string) => signInWithPassword({ db: world.db, username, password, address: "192.0.2.2", failuresPerAccount: 100, failuresPerAddress: 1000 });

  it("counts wrong current passwords against the account, as failed sign-ins", async () => {
    const actor = await world.actorOf("supervisor");
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await changeOwnPassword({ db: world.db, actor, current: "not my password", password: "river lantern 2026", confirm: "river lantern 2026" })).toMatchObject({ code: "invalid:current-password" });
    }
    // The account now waits: even the right current password is refused, and so is a sign-in.
    expect(await changeOwnPassword({ db: world.db, actor, current: "demo2026", password: "river lantern 2026", confirm: "river lantern 2026" })).toMatchObject({ code: "rate-limited:current-password" });
    expect(await signInWithPassword({ db: world.db, username: "supervisor", password: "demo2026", address: "192.0.2.3" })).toMatchObject({ ok: false, code: "throttled" });
  });

  it("replaces the admin's one-time password after the policy's refusals, ending the old sessions", async () => {
    const admin = await world.actorOf("admin");
    const created = await createStaffAccount({ db: world.db, actor: admin, input: { username: "counter2", displayName: "窗口二", role: "counter", departmentId: "" } });
    if (!created.ok) throw new Error("not created");
    const actor = (await loadActor(world.db, created.userId))!;
    const oneTime = created.oneTimePassword;
    const change = (current: string, password: string, confirm = password) => changeOwnPassword({ db: world.db, actor, current, password, confirm });

    expect(await change("wrong-password", "river lantern 2026")).toEqual({ ok: false, code: "invalid:current-password", fields: { current: "invalid:current-password" } });
    expect(await change(oneTime, "short")).toMatchObject({ code: "invalid:password-too-short", fields: { password: "invalid:password-too-short" } });
    expect(await change(oneTime, "qwerty123456")).toMatchObject({ code: "invalid:password-common" });
    expect(await change(oneTime, "I am counter2 at work")).toMatchObject({ code: "invalid:password-contains-username" });
    expect(await change(oneTime, oneTime)).toMatchObject({ code: "invalid:password-same" });
    expect(await change(oneTime, "river lantern 2026", "river lantern 2027")).toMatchObject({ code: "invalid:password-mismatch", fields: { confirm: "invalid:password-mismatch" } });
    const [unchanged] = await world.db.select().from(users).where(eq(users.id, created.userId));
    expect(unchanged.mustChangePassword).toBe(true);

    expect(await change(oneTime, "river lantern 2026")).toEqual({ ok: true, username: "counter2" });
    const [changed] = await world.db.select().from(users).where(eq(users.id, created.userId));
    expect(changed).toMatchObject({ mustChangePassword: false, sessionVersion: unchanged.sessionVersion + 1 });
    expect(await loadActor(world.db, created.userId, { sessionVersion: unchanged.sessionVersion })).toBeNull();
    expect(await signIn("counter2", oneTime)).toEqual({ ok: false, code: "invalid" });
    expect(await signIn("counter2", "river lantern 2026")).toMatchObject({ ok: true });
  });
});
