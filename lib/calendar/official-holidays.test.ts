import { describe, expect, it, vi } from "vitest";
import { listOfficialCalendarDays } from "@/lib/calendar/official-holidays";
import { addWorkingDays, createCalendar, parseIsoDate } from "@/lib/calendar/working-days";

/** 国务院办公厅关于2026年部分节假日安排的通知, typed in by hand from the notice. */
const notice2026 = {
  holidays: [
    // 元旦 1–3 Jan
    "2026-01-01", "2026-01-02", "2026-01-03",
    // 春节 15–23 Feb
    "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-21",
    "2026-02-22", "2026-02-23",
    // 清明 4–6 Apr
    "2026-04-04", "2026-04-05", "2026-04-06",
    // 劳动节 1–5 May
    "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
    // 端午 19–21 Jun
    "2026-06-19", "2026-06-20", "2026-06-21",
    // 中秋 25–27 Sep
    "2026-09-25", "2026-09-26", "2026-09-27",
    // 国庆 1–7 Oct
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
  ],
  // Sun 4 Jan; Sat 14 Feb, Sat 28 Feb; Sat 9 May; Sun 20 Sep, Sat 10 Oct.
  workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
};

describe("listOfficialCalendarDays", () => {
  it("matches the State Council 2026 notice exactly", () => {
    const days = listOfficialCalendarDays([2026]);
    expect(days.filter((day) => day.kind === "holiday").map((day) => day.date)).toEqual(notice2026.holidays);
    expect(days.filter((day) => day.kind === "workday").map((day) => day.date)).toEqual(notice2026.workdays);
  });

  it("names each day in Chinese after its festival", () => {
    const byDate = new Map(listOfficialCalendarDays([2026]).map((day) => [day.date, day]));
    expect(byDate.get("2026-01-01")).toEqual({ date: "2026-01-01", kind: "holiday", name: "元旦" });
    expect(byDate.get("2026-01-04")).toEqual({ date: "2026-01-04", kind: "workday", name: "元旦" });
    expect(byDate.get("2026-02-17")?.name).toBe("春节");
    expect(byDate.get("2026-02-28")).toEqual({ date: "2026-02-28", kind: "workday", name: "春节" });
    expect(byDate.get("2026-04-05")?.name).toBe("清明");
    expect(byDate.get("2026-05-01")?.name).toBe("劳动节");
    expect(byDate.get("2026-06-19")?.name).toBe("端午");
    expect(byDate.get("2026-09-25")?.name).toBe("中秋");
    expect(byDate.get("2026-10-01")?.name).toBe("国庆节");
    expect(byDate.get("2026-09-20")).toEqual({ date: "2026-09-20", kind: "workday", name: "国庆节" });
    expect(byDate.has("2026-03-02")).toBe(false);
  });

  it("only lists make-up working days that fall on a weekend", () => {
    const workdays = listOfficialCalendarDays([2024, 2025, 2026]).filter((day) => day.kind === "workday");
    expect(workdays.length).toBeGreaterThan(10);
    for (const day of workdays) expect([0, 6]).toContain(parseIsoDate(day.date)!.getUTCDay());
  });

  it("gives the same dates whatever the machine's time zone", async () => {
    // chinese-days' own functions shift every date by a day west of Greenwich; we must not inherit that.
    // Run this whole file with TZ=America/Los_Angeles to check the module's load time too.
    const original = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      vi.resetModules();
      const west = (await import("@/lib/calendar/official-holidays")).listOfficialCalendarDays([2026]);
      process.env.TZ = "Pacific/Kiritimati";
      vi.resetModules();
      const east = (await import("@/lib/calendar/official-holidays")).listOfficialCalendarDays([2026]);
      expect(west).toEqual(east);
      expect(west.filter((day) => day.kind === "workday").map((day) => day.date)).toEqual(notice2026.workdays);
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
      vi.resetModules();
    }
  });

  it("never lists a date twice across all published years", () => {
    const all = listOfficialCalendarDays(Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i));
    expect(new Set(all.map((day) => day.date)).size).toBe(all.length);
    expect(all.every((day) => day.name.length > 0 && !/[A-Za-z]/.test(day.name))).toBe(true);
  });

  it("returns nothing for a year without a published arrangement", () => {
    expect(listOfficialCalendarDays([2099])).toEqual([]);
    expect(listOfficialCalendarDays([])).toEqual([]);
  });

  it("sorts the years and lists each once", () => {
    const days = listOfficialCalendarDays([2026, 2025, 2026]);
    expect(days[0]).toEqual({ date: "2025-01-01", kind: "holiday", name: "元旦" });
    expect(days.filter((day) => day.date === "2026-01-01")).toHaveLength(1);
    const dates = days.map((day) => day.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("rejects a year that is not four digits", () => {
    expect(() => listOfficialCalendarDays([26])).toThrow(RangeError);
    expect(() => listOfficialCalendarDays([2026.5])).toThrow(RangeError);
  });

  it("feeds createCalendar for the Spring Festival deadline", () => {
    const calendar = createCalendar(listOfficialCalendarDays([2026]));
    expect(addWorkingDays("2026-02-12", 5, calendar)).toBe("2026-02-26");
  });
});
