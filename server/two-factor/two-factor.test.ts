import { and, desc, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminChanges, departments, rateLimits, recoveryCodes, staffTwoFactor, users } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { DEMO_TWO_FACTOR_SECRET } from "@/seed/demo-two-factor";
import { loadActor, type TActor } from "@/server/auth/actor";
import { encodeSessionToken } from "@/server/auth/session-token";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { beginTwoFactorEnrolment } from "./begin-two-factor-enrolment";
import { confirmTwoFactorEnrolment } from "./confirm-two-factor-enrolment";
import { openPendingSignIn, sealPendingSignIn } from "./pending-sign-in";
import { readTwoFactor } from "./read-two-factor";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { resetTwoFactor } from "./reset-two-factor";
import { setDepartmentTwoFactor } from "./set-department-two-factor";
import { signInWithSecondFactor } from "./sign-in-with-second-factor";
import { turnOffTwoFactor } from "./turn-off-two-factor";

const secret = "a-test-secret-of-at-least-32-characters-long";
/** A fixed instant in the middle of a 30-second step, and the code an app shows then. */
const now = new Date("2026-12-06T02:00:15Z");
const codeAt = (at: Date, key = DEMO_TWO_FACTOR_SECRET) => generate({ secret: key, epoch: Math.floor(at.getTime() / 1000) });
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe.each(testDatabaseKinds)("staff's second factor on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  let supervisor: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
    supervisor = await world.actorOf("supervisor");
  });
  afterAll(async () => {
    await world?.drop();
  });
  beforeEach(async () => {
    await world.db.delete(rateLimits);
    // Each test starts with the supervisor's codes all unused.
    await world.db.update(staffTwoFactor).set({ lastTimeStep: null }).where(eq(staffTwoFactor.userId, supervisor.id));
  });

  const pendingFor = async (actor: TActor) => {
    const [row] = await world.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, actor.id));
    const token = await sealPendingSignIn({ secret, userId: actor.id, sessionVersion: row.sessionVersion });
    return openPendingSignIn({ secret, token });
  };
  const secondStep = async (actor: TActor, typed: string, at = now) =>
    signInWithSecondFactor({ db: world.db, pending: await pendingFor(actor), typed, address: "192.0.2.7", now: at, failuresPerAccount: 3, failuresPerAddress: 1000 });

  it("signs the seeded supervisor in with the demo secret's code, and refuses the same code again as reused", async () => {
    const code = await codeAt(now);
    expect(await secondStep(supervisor, code)).toMatchObject({ ok: true, via: "code", user: { id: supervisor.id, role: "supervisor" } });
    expect(await secondStep(supervisor, code)).toEqual({ ok: false, code: "conflict:two-factor-code-reused" });
    // The next step's code is fresh; a step before the last accepted is reused even while inside the window.
    expect(await secondStep(supervisor, await codeAt(later(30)), later(30))).toMatchObject({ ok: true });
    expect(await secondStep(supervisor, await codeAt(now), later(30))).toEqual({ ok: false, code: "conflict:two-factor-code-reused" });
  });

  it("accepts a code one step off either way, and refuses a wrong one, two steps off, or letters", async () => {
    expect(await secondStep(supervisor, await codeAt(later(-30)))).toMatchObject({ ok: true });
    await world.db.update(staffTwoFactor).set({ lastTimeStep: null }).where(eq(staffTwoFactor.userId, supervisor.id));
    expect(await secondStep(supervisor, await codeAt(later(30)))).toMatchObject({ ok: true });
    const right = await codeAt(later(-90));
    expect(await secondStep(supervisor, right)).toEqual({ ok: false, code: "invalid:two-factor-code" });
    const wrong = String((Number(await codeAt(later(60))) + 1) % 1_000_000).padStart(6, "0");
    expect(await secondStep(supervisor, wrong, later(60))).toEqual({ ok: false, code: "invalid:two-factor-code" });
    await world.db.delete(rateLimits);
    expect(await secondStep(supervisor, "abcdef", later(60))).toEqual({ ok: false, code: "invalid:two-factor-code" });
  });

  it("throttles wrong codes per account, so even the right code then waits; a right password does not clear the count", async () => {
    for (let attempt = 0; attempt < 2; attempt++) expect(await secondStep(supervisor, "000000")).toMatchObject({ ok: false, code: "invalid:two-factor-code" });
    expect(await secondStep(supervisor, "000001")).toMatchObject({ ok: false, code: "throttled", retryAfterSeconds: 60 });
    expect(await secondStep(supervisor, await codeAt(now))).toMatchObject({ ok: false, code: "throttled" });
  });

  it("refuses a pending sign-in that expired, was tampered with, is a session cookie, or outlived a sign-out", async () => {
    const [row] = await world.db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, supervisor.id));
    const token = await sealPendingSignIn({ secret, userId: supervisor.id, sessionVersion: row.sessionVersion });
    expect(await openPendingSignIn({ secret, token })).toEqual({ userId: supervisor.id, sessionVersion: row.sessionVersion });
    expect(await openPendingSignIn({ secret: `${secret}-other`, token })).toBeNull();
    expect(await openPendingSignIn({ secret, token: `${token.slice(0, -2)}AA` })).toBeNull();
    const session = await encodeSessionToken({ token: { sub: supervisor.id, sessionVersion: row.sessionVersion }, secret, salt: "authjs.session-token" });
    expect(await openPendingSignIn({ secret, token: session })).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 5 * 60 * 1000 + 1000);
      expect(await openPendingSignIn({ secret, token })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    const result = await signInWithSecondFactor({ db: world.db, pending: null, typed: await codeAt(now), address: null, now });
    expect(result).toEqual({ ok: false, code: "expired:sign-in-step" });
    // Signed out everywhere (the session version moved on) between the two steps: the first step no longer counts.
    const stale = await pendingFor(supervisor);
    await world.db.update(users).set({ sessionVersion: row.sessionVersion + 1 }).where(eq(users.id, supervisor.id));
    expect(await signInWithSecondFactor({ db: world.db, pending: stale, typed: await codeAt(now), address: null, now })).toEqual({ ok: false, code: "expired:sign-in-step" });
  });

  it("enrols a clerk: a fresh secret, confirmed with its code, then ten recovery codes kept only as hashes, each usable once", async () => {
    const clerk = await world.actorOf("clerk-env");
    expect(await beginTwoFactorEnrolment({ db: world.db, actor: clerk })).toEqual({ ok: true });
    const started = await readTwoFactor({ db: world.db, actor: clerk });
    if (!started.ok || !started.view.pending) throw new Error("no pending secret");
    expect(started.view).toMatchObject({ required: false, enrolledAt: null });
    expect(started.view.pending.uri).toMatch(/^otpauth:\/\/totp\/OneDoor:clerk-env\?secret=[A-Z2-7]{32}&issuer=OneDoor/);
    const clerkSecret = started.view.pending.secret;
    // Not in force until confirmed: a wrong code changes nothing.
    expect(await confirmTwoFactorEnrolment({ db: world.db, actor: clerk, code: "123456", now })).toMatchObject({ ok: false, code: "invalid:two-factor-code" });
    const confirmed = await confirmTwoFactorEnrolment({ db: world.db, actor: clerk, code: await codeAt(now, clerkSecret), now });
    if (!confirmed.ok) throw new Error(confirmed.code);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    const stored = await world.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, clerk.id));
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash).join(" ")).not.toContain(confirmed.recoveryCodes[0].replaceAll("-", ""));
    // The confirming code counts as used.
    expect(await secondStep(clerk, await codeAt(now, clerkSecret))).toEqual({ ok: false, code: "conflict:two-factor-code-reused" });

    const [first, second] = confirmed.recoveryCodes;
    expect(await secondStep(clerk, ` ${first.toUpperCase()} `)).toMatchObject({ ok: true, via: "recovery-code" });
    expect(await secondStep(clerk, first)).toEqual({ ok: false, code: "conflict:recovery-code-used" });
    expect((await readTwoFactor({ db: world.db, actor: clerk })).ok && (await readTwoFactor({ db: world.db, actor: clerk }))).toMatchObject({ view: { recoveryCodesLeft: 9 } });

    // New codes void the old ones.
    const regenerated = await regenerateRecoveryCodes({ db: world.db, actor: clerk });
    if (!regenerated.ok) throw new Error(regenerated.code);
    expect(await secondStep(clerk, second)).toEqual({ ok: false, code: "invalid:two-factor-code" });
    expect(await secondStep(clerk, regenerated.recoveryCodes[0])).toMatchObject({ ok: true });

    // Optional for this clerk: turned off with a current code, after which the account has none.
    expect(await turnOffTwoFactor({ db: world.db, actor: clerk, typed: "000000", now: later(60) })).toMatchObject({ ok: false, code: "invalid:two-factor-code" });
    expect(await turnOffTwoFactor({ db: world.db, actor: clerk, typed: await codeAt(later(60), clerkSecret), now: later(60) })).toEqual({ ok: true });
    expect(await world.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.userId, clerk.id))).toEqual([]);
    expect(await world.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, clerk.id))).toEqual([]);
  });

  it("holds a required person without a second factor to enrolment, and never lets them turn a required one off", async () => {
    expect(supervisor.mustEnrolTwoFactor).toBe(false);
    expect(await turnOffTwoFactor({ db: world.db, actor: supervisor, typed: await codeAt(now), now })).toMatchObject({ ok: false, code: "conflict:two-factor-required" });
    await world.db.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, supervisor.id));
    expect(await loadActor(world.db, supervisor.id)).toMatchObject({ mustEnrolTwoFactor: true });
    // A secret shown but not confirmed does not count.
    await beginTwoFactorEnrolment({ db: world.db, actor: supervisor });
    expect(await loadActor(world.db, supervisor.id)).toMatchObject({ mustEnrolTwoFactor: true });
    await world.db.update(staffTwoFactor).set({ secret: DEMO_TWO_FACTOR_SECRET, confirmedAt: now }).where(eq(staffTwoFactor.userId, supervisor.id));
    expect(await loadActor(world.db, supervisor.id)).toMatchObject({ mustEnrolTwoFactor: false });
    // Applicants are never held, nor may they set one up here.
    const citizen = await world.actorOf("citizen");
    expect(citizen.mustEnrolTwoFactor).toBe(false);
    expect(await beginTwoFactorEnrolment({ db: world.db, actor: citizen })).toMatchObject({ ok: false, code: "forbidden:role" });
  });

  it("the department switch holds its clerks to enrolment, is the admin's alone, and is recorded", async () => {
    const [fire] = await world.db.select().from(departments).where(eq(departments.code, "FIRE"));
    const clerk = await world.actorOf("clerk-fire");
    expect(clerk.mustEnrolTwoFactor).toBe(false);
    expect(await setDepartmentTwoFactor({ db: world.db, actor: supervisor, departmentId: fire.id, required: true })).toMatchObject({ ok: false, code: "forbidden:role" });
    expect(await setDepartmentTwoFactor({ db: world.db, actor: admin, departmentId: fire.id, required: true })).toEqual({ ok: true, changed: true });
    expect(await loadActor(world.db, clerk.id)).toMatchObject({ mustEnrolTwoFactor: true });
    expect(await world.actorOf("clerk-amr")).toMatchObject({ mustEnrolTwoFactor: false });
    const [change] = await world.db.select().from(adminChanges).where(eq(adminChanges.entityId, fire.id)).orderBy(desc(adminChanges.id)).limit(1);
    expect(change).toMatchObject({ actorId: admin.id, entity: "department", action: "require-two-factor", before: { twoFactorRequired: false }, after: { twoFactorRequired: true } });
    expect(await setDepartmentTwoFactor({ db: world.db, actor: admin, departmentId: fire.id, required: false })).toEqual({ ok: true, changed: true });
    expect(await loadActor(world.db, clerk.id)).toMatchObject({ mustEnrolTwoFactor: false });
  });

  it("an admin resets a lost phone: secret and codes gone, sessions ended, recorded; the person enrols again", async () => {
    const [before] = await world.db.select().from(users).where(eq(users.id, supervisor.id));
    expect(await resetTwoFactor({ db: world.db, actor: supervisor, userId: admin.id })).toMatchObject({ ok: false, code: "forbidden:role" });
    expect(await resetTwoFactor({ db: world.db, actor: admin, userId: admin.id })).toMatchObject({ ok: false, code: "conflict:own-account" });
    expect(await resetTwoFactor({ db: world.db, actor: admin, userId: supervisor.id })).toEqual({ ok: true, username: "supervisor" });
    expect(await world.db.select().from(staffTwoFactor).where(eq(staffTwoFactor.userId, supervisor.id))).toEqual([]);
    // The old session no longer loads; a fresh one is held to enrolment.
    expect(await loadActor(world.db, supervisor.id, { sessionVersion: before.sessionVersion })).toBeNull();
    expect(await loadActor(world.db, supervisor.id)).toMatchObject({ mustEnrolTwoFactor: true });
    const [change] = await world.db
      .select()
      .from(adminChanges)
      .where(and(eq(adminChanges.entityId, supervisor.id), eq(adminChanges.action, "reset-two-factor")));
    expect(change).toMatchObject({ actorId: admin.id, entity: "user", before: { twoFactor: "enrolled" }, after: { twoFactor: "none" } });
    expect(JSON.stringify(change)).not.toContain(DEMO_TWO_FACTOR_SECRET);
    expect(await resetTwoFactor({ db: world.db, actor: admin, userId: supervisor.id })).toMatchObject({ ok: false, code: "conflict:two-factor-not-enrolled" });
    await world.db.insert(staffTwoFactor).values({ userId: supervisor.id, secret: DEMO_TWO_FACTOR_SECRET, confirmedAt: now });
  });
});
