import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDays } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { addWorkingDays, isWorkingDay } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { cachedReference } from "@/server/reference-cache";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { loadCalendar } from "./load-calendar";
import { removeCalendarDay } from "./remove-calendar-day";

describe.each(testDatabaseKinds)("remove a calendar day on %s", (kind) => {
  let world: TWorld;
  let admin: TActor;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    admin = await world.actorOf("admin");
  });
  afterAll(async () => {
    await world?.drop();
  });
  const allDays = () => world.db.select().from(calendarDays).orderBy(calendarDays.date);
  const cached = () => cachedReference(world.db, "calendar", () => loadCalendar(world.db));

  it("makes the date an ordinary day again, for new deadlines at once", async () => {
    // 2026-10-07 (Wednesday) is the last day of the seeded National Day break; Saturday 10-10 a make-up working day.
    const before = await cached();
    expect(isWorkingDay("2026-10-07", before)).toBe(false);
    expect(addWorkingDays("2026-09-30", 1, before)).toBe("2026-10-08");

    expect(await removeCalendarDay({ db: world.db, actor: admin, date: "2026-10-07" })).toEqual({ ok: true, date: "2026-10-07" });
    expect(await removeCalendarDay({ db: world.db, actor: admin, date: "2026-10-10" })).toEqual({ ok: true, date: "2026-10-10" });

    for (const calendar of [await loadCalendar(world.db), await cached()]) {
      expect(addWorkingDays("2026-09-30", 1, calendar)).toBe("2026-10-07");
      expect(addWorkingDays("2026-10-08", 1, calendar)).toBe("2026-10-09"); // Friday, then
      expect(addWorkingDays("2026-10-09", 1, calendar)).toBe("2026-10-12"); // not Saturday 10-10 any more
    }
  });

  it("refuses a day not in the table, an invalid date and anyone but an administrator, changing nothing", async () => {
    const before = await allDays();
    expect(await removeCalendarDay({ db: world.db, actor: admin, date: "2026-10-07" })).toEqual({ ok: false, code: "not-found:calendar-day" });
    expect(await removeCalendarDay({ db: world.db, actor: admin, date: "2027-03-03" })).toEqual({ ok: false, code: "not-found:calendar-day" });
    for (const date of ["2026-02-30", "10/01/2026", "1999-01-01", ""]) {
      expect(await removeCalendarDay({ db: world.db, actor: admin, date }), date).toEqual({ ok: false, code: "invalid:calendar-date" });
    }
    for (const username of ["citizen", "counter", "clerk-amr", "supervisor"]) {
      const actor = await world.actorOf(username);
      expect(await removeCalendarDay({ db: world.db, actor, date: "2026-10-01" }), username).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await allDays()).toEqual(before);
  });
});
