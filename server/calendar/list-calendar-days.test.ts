import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKinds } from "@/db/testing";
import type { TActor } from "@/server/auth/actor";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { listCalendarDays } from "./list-calendar-days";
import { setCalendarDay } from "./set-calendar-day";

describe.each(testDatabaseKinds)("list calendar days on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
  });
  afterAll(async () => {
    await world?.drop();
  });

  it("gives one year's days in date order and the years that have any", async () => {
    const result = await listCalendarDays({ db: world.db, actor: admin, year: 2026 });
    if (!result.ok) throw new Error(result.code);
    expect(result.years).toEqual([2025, 2026]);
    expect(result.days).toHaveLength(39); // the State Council's 2026 notice: 33 days off, 6 make-up working days
    expect(result.days[0]).toEqual({ date: "2026-01-01", kind: "holiday", name: "元旦" });
    expect(result.days.at(-1)).toEqual({ date: "2026-10-10", kind: "workday", name: "国庆节" });
    expect(result.days.map((day) => day.date)).toEqual(result.days.map((day) => day.date).toSorted());

    expect(await listCalendarDays({ db: world.db, actor: admin, year: 2027 })).toEqual({ ok: true, year: 2027, days: [], years: [2025, 2026] });
    await setCalendarDay({ db: world.db, actor: admin, date: "2027-01-01", kind: "holiday", name: "元旦" });
    expect(await listCalendarDays({ db: world.db, actor: admin, year: 2027 })).toEqual({
      ok: true,
      year: 2027,
      days: [{ date: "2027-01-01", kind: "holiday", name: "元旦" }],
      years: [2025, 2026, 2027],
    });
  });

  it("refuses a year out of range and anyone but an administrator", async () => {
    for (const year of [1999, 2101, 2026.5]) {
      expect(await listCalendarDays({ db: world.db, actor: admin, year }), String(year)).toEqual({ ok: false, code: "invalid:calendar-date" });
    }
    for (const username of ["citizen", "clerk-police", "supervisor"]) {
      expect(await listCalendarDays({ db: world.db, actor: await world.actorOf(username), year: 2026 }), username).toEqual({ ok: false, code: "forbidden:role" });
    }
  });
});
