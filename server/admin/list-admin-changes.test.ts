import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import type { TActor } from "@/server/auth/actor";
import { removeCalendarDay } from "@/server/calendar/remove-calendar-day";
import { setCalendarDay } from "@/server/calendar/set-calendar-day";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listAdminChanges } from "./list-admin-changes";
import { recordAdminChange } from "./record-admin-change";

describe.each(testDatabaseKinds)("the admin change record on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("records calendar edits with before and after, newest first, in keyset pages, filtered by entity", async () => {
    await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-01", kind: "holiday", name: "国庆节" });
    await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-01", kind: "holiday", name: "国庆节（一）" });
    await removeCalendarDay({ db: world.db, actor: admin, date: "2027-10-01" });
    // A refused edit records nothing.
    await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-04", kind: "workday", name: "周一" });

    const first = await listAdminChanges({ db: world.db, actor: admin, entity: "calendar-day", limit: 2 });
    if (!first.ok) throw new Error("refused");
    expect(first.changes.map(({ action, before, after, actorUsername }) => ({ action, before, after, actorUsername }))).toEqual([
      { action: "remove", before: { date: "2027-10-01", kind: "holiday", name: "国庆节（一）" }, after: null, actorUsername: "admin" },
      { action: "edit", before: { date: "2027-10-01", kind: "holiday", name: "国庆节" }, after: { date: "2027-10-01", kind: "holiday", name: "国庆节（一）" }, actorUsername: "admin" },
    ]);
    expect(first.nextBefore).toBe(first.changes[1].id);
    const second = await listAdminChanges({ db: world.db, actor: admin, entity: "calendar-day", limit: 2, before: first.nextBefore! });
    expect(second.ok && second.changes.map((change) => change.action)).toEqual(["create"]);
    expect(second.ok && second.nextBefore).toBeNull();
    const departmentsOnly = await listAdminChanges({ db: world.db, actor: admin, entity: "department" });
    expect(departmentsOnly.ok && departmentsOnly.changes).toEqual([]);
  });

  it("leaves out password hashes and personal numbers at any depth, whatever a caller passes", async () => {
    await recordAdminChange({
      db: world.db,
      actor: admin,
      entity: "user",
      entityId: admin.id,
      action: "edit",
      before: { username: "x", passwordHash: "$argon2id$secret", residentIdNumber: "110101199003074578", nested: { mobile: "13800138000", kept: 1 } },
      after: null,
    });
    const listed = await listAdminChanges({ db: world.db, actor: admin, entity: "user", limit: 1 });
    expect(listed.ok && listed.changes[0].before).toEqual({ username: "x", nested: { kept: 1 } });
  });

  it("is the admin's alone", async () => {
    for (const username of ["clerk-fire", "supervisor", "counter", "citizen"]) {
      expect(await listAdminChanges({ db: world.db, actor: await world.actorOf(username) })).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});
