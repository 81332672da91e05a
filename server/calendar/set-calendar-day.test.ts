import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarDays, tasks } from "@/db/schema";
import { seedQueueTasks } from "@/seed/seed-queue-tasks";
import { testDatabaseKinds } from "@/db/testing";
import { addWorkingDays, countWorkingDays } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { cachedReference } from "@/server/reference-cache";
import { bidiText, refusedTexts } from "@/server/testing/hostile-text";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { loadCalendar } from "./load-calendar";
import { setCalendarDay } from "./set-calendar-day";

describe.each(testDatabaseKinds)("set a calendar day on %s", (kind) => {
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

  it("adds next year's holiday and make-up day; new deadlines count with them at once, promised ones stay", async () => {
    // The demo seed has no 2027 arrangement: 2027-10-01 is a plain Friday, 2027-10-09 a plain Saturday.
    const [taskId] = await seedQueueTasks(world.db, { departmentCode: "POLICE", count: 1, firstDueDate: "2027-10-05" });
    const cached = () => cachedReference(world.db, "calendar", () => loadCalendar(world.db));
    const before = await cached();
    expect(addWorkingDays("2027-09-30", 3, before)).toBe("2027-10-05"); // Fri 1, Mon 4, Tue 5
    expect(addWorkingDays("2027-10-07", 2, before)).toBe("2027-10-11"); // Fri 8, Mon 11
    expect(countWorkingDays("2027-09-30", "2027-10-08", before)).toBe(6);

    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-01", kind: "holiday", name: " 国庆节 " })).toEqual({
      ok: true,
      day: { date: "2027-10-01", kind: "holiday", name: "国庆节" },
    });
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-09", kind: "workday", name: "国庆节" })).toEqual({
      ok: true,
      day: { date: "2027-10-09", kind: "workday", name: "国庆节" },
    });

    const after = await loadCalendar(world.db);
    expect(addWorkingDays("2027-09-30", 3, after)).toBe("2027-10-06"); // Mon 4, Tue 5, Wed 6
    expect(addWorkingDays("2027-10-07", 2, after)).toBe("2027-10-09"); // Fri 8, the make-up Saturday 9
    expect(countWorkingDays("2027-09-30", "2027-10-08", after)).toBe(5);
    expect(countWorkingDays("2027-09-30", "2027-10-09", after)).toBe(6);
    // The change reached this process's cached calendar without waiting for it to expire.
    expect(addWorkingDays("2027-09-30", 3, await cached())).toBe("2027-10-06");
    // A due date computed before the change is the one promised to the applicant.
    const [task] = await world.db.select({ dueDate: tasks.dueDate }).from(tasks).where(eq(tasks.id, taskId));
    expect(task.dueDate).toBe("2027-10-05");
  });

  it("changes the kind and name of a day already in the table, keeping one row for the date", async () => {
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-02-08", kind: "holiday", name: "春节" })).toMatchObject({ ok: true });
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-02-08", kind: "holiday", name: "春节（除夕）" })).toMatchObject({ ok: true });
    // A seeded 2026 Sunday inside the Spring Festival break becomes a make-up working day.
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2026-02-15", kind: "workday", name: "春节" })).toMatchObject({ ok: true });
    const rows = await world.db.select().from(calendarDays).where(eq(calendarDays.date, "2027-02-08"));
    expect(rows).toMatchObject([{ kind: "holiday", name: "春节（除夕）" }]);
    const [sunday] = await world.db.select().from(calendarDays).where(eq(calendarDays.date, "2026-02-15"));
    expect(sunday).toMatchObject({ kind: "workday", name: "春节" });
  });

  it("refuses each invalid day with its own code, on its field, and changes nothing", async () => {
    const before = await allDays();
    const longName = "节".repeat(61);
    const attempts: [{ date: string; kind: string; name: string }, string, Record<string, string>][] = [
      [{ date: "2027-02-30", kind: "holiday", name: "春节" }, "invalid:calendar-date", { date: "invalid:calendar-date" }],
      [{ date: "2027-2-8", kind: "holiday", name: "春节" }, "invalid:calendar-date", { date: "invalid:calendar-date" }],
      [{ date: "1999-12-31", kind: "holiday", name: "除夕" }, "invalid:calendar-date", { date: "invalid:calendar-date" }],
      [{ date: "2101-01-03", kind: "holiday", name: "元旦" }, "invalid:calendar-date", { date: "invalid:calendar-date" }],
      [{ date: "", kind: "holiday", name: "元旦" }, "invalid:calendar-date", { date: "invalid:calendar-date" }],
      [{ date: "2027-10-04", kind: "festival", name: "国庆节" }, "invalid:calendar-kind", { kind: "invalid:calendar-kind" }],
      [{ date: "2027-10-04", kind: "holiday", name: "   " }, "invalid:calendar-name-required", { name: "invalid:calendar-name-required" }],
      [{ date: "2027-10-04", kind: "holiday", name: longName }, "invalid:calendar-name-too-long", { name: "invalid:calendar-name-too-long" }],
      // Wednesday is already a working day: a make-up working day falls on a weekend.
      [{ date: "2027-10-06", kind: "workday", name: "国庆节" }, "invalid:calendar-workday-on-weekday", { date: "invalid:calendar-workday-on-weekday" }],
      // An existing holiday (Thursday 2026-10-01) cannot be turned into a make-up working day.
      [{ date: "2026-10-01", kind: "workday", name: "国庆节" }, "invalid:calendar-workday-on-weekday", { date: "invalid:calendar-workday-on-weekday" }],
      // Every field wrong: each field says so, the first in form order is the code.
      [
        { date: "2027-13-01", kind: "", name: "" },
        "invalid:calendar-date",
        { date: "invalid:calendar-date", kind: "invalid:calendar-kind", name: "invalid:calendar-name-required" },
      ],
    ];
    for (const [input, code, fields] of attempts) {
      expect(await setCalendarDay({ db: world.db, actor: admin, ...input }), JSON.stringify(input)).toEqual({ ok: false, code, fields });
    }
    expect(await allDays()).toEqual(before);
    // A holiday on a weekend changes no count but is allowed: the State Council's notice names whole breaks
    // (10月1日至7日), and the seeded rows do too, so an administrator can keep and rename them.
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2026-02-15", kind: "holiday", name: "春节（周日）" })).toMatchObject({ ok: true });
    // Sixty characters is the limit, counted as characters.
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-04", kind: "holiday", name: "节".repeat(60) })).toMatchObject({ ok: true });
  });

  it("refuses a name with a control character or a line break, changing nothing; keeps one without its bidi controls", async () => {
    const before = await allDays();
    const attempts: [string, string][] = [
      ...refusedTexts.map(([, name]): [string, string] => [name, "invalid:text-control-character"]),
      ["国庆节\n（调休）", "invalid:text-line-break"],
      ["国庆节\t调休", "invalid:text-line-break"],
    ];
    for (const [name, code] of attempts) {
      expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-05", kind: "holiday", name }), JSON.stringify(name)).toEqual({ ok: false, code, fields: { name: code } });
    }
    expect(await allDays()).toEqual(before);
    expect(await setCalendarDay({ db: world.db, actor: admin, date: "2027-10-05", kind: "holiday", name: bidiText.sent })).toEqual({
      ok: true,
      day: { date: "2027-10-05", kind: "holiday", name: bidiText.stored },
    });
  });

  it("refuses everyone but an administrator, and changes nothing", async () => {
    const before = await allDays();
    for (const username of ["citizen", "enterprise", "counter", "clerk-police", "supervisor"]) {
      const actor = await world.actorOf(username);
      expect(await setCalendarDay({ db: world.db, actor, date: "2027-10-05", kind: "holiday", name: "国庆节" }), username).toEqual({
        ok: false,
        code: "forbidden:role",
      });
      expect(await setCalendarDay({ db: world.db, actor, date: "2026-10-01", kind: "holiday", name: "改名" }), username).toEqual({
        ok: false,
        code: "forbidden:role",
      });
    }
    expect(await allDays()).toEqual(before);
  });
});
