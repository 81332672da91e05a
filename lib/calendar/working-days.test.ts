import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addWorkingDays,
  countWorkingDays,
  createCalendar,
  isIsoDate,
  isWeekend,
  isWorkingDay,
  parseIsoDate,
  toIsoDate,
} from "@/lib/calendar/working-days";

/** The State Council's 2026 notice, typed in by hand so these tests do not trust the package they test against. */
const official2026 = createCalendar([
  ...["2026-01-01", "2026-01-02", "2026-01-03"].map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-01-04", kind: "workday" },
  ...range("2026-02-15", "2026-02-23").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-02-14", kind: "workday" },
  { date: "2026-02-28", kind: "workday" },
  ...range("2026-04-04", "2026-04-06").map((date) => ({ date, kind: "holiday" as const })),
  ...range("2026-05-01", "2026-05-05").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-05-09", kind: "workday" },
  ...range("2026-06-19", "2026-06-21").map((date) => ({ date, kind: "holiday" as const })),
  ...range("2026-09-25", "2026-09-27").map((date) => ({ date, kind: "holiday" as const })),
  ...range("2026-10-01", "2026-10-07").map((date) => ({ date, kind: "holiday" as const })),
  { date: "2026-09-20", kind: "workday" },
  { date: "2026-10-10", kind: "workday" },
]);

function range(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const emptyCalendar = createCalendar([]);

describe("addDays", () => {
  it("crosses month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-03-29", 0)).toBe("2026-03-29");
  });

  it("does not skip or repeat a day across daylight-saving changes anywhere", () => {
    // Europe and the US change clocks in late March / early November; UTC arithmetic never notices.
    expect(range("2026-03-01", "2026-11-30")).toHaveLength(275);
  });

  it("moves an instant by whole 24-hour days (a draft's expiry), the time of day kept", () => {
    const instant = new Date("2026-03-28T23:30:00.000Z");
    expect(addDays(instant, 30)).toEqual(new Date("2026-04-27T23:30:00.000Z"));
    expect(addDays(instant, -1)).toEqual(new Date("2026-03-27T23:30:00.000Z"));
    expect(() => addDays(instant, 0.5)).toThrow(RangeError);
  });

  it("rejects invalid dates and non-integer offsets", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-2-3", 1)).toThrow(RangeError);
    expect(() => addDays("2026-02-03", 1.5)).toThrow(RangeError);
  });

  it("round-trips any offset", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        expect(addDays(addDays("2026-02-12", days), -days)).toBe("2026-02-12");
      }),
    );
  });
});

describe("parseIsoDate", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("20260210")).toBe(false);
    expect(isIsoDate(" 2026-02-10")).toBe(false);
    expect(parseIsoDate("0050-01-01")?.getUTCFullYear()).toBe(50);
  });
});

describe("isWeekend", () => {
  it("is Saturday and Sunday only, whatever the calendar says", () => {
    expect(["2027-10-08", "2027-10-09", "2027-10-10", "2027-10-11"].map(isWeekend)).toEqual([false, true, true, false]);
    expect(() => isWeekend("2027-02-30")).toThrow(RangeError);
  });
});

describe("isWorkingDay", () => {
  it("follows weekdays, official holidays and make-up working days", () => {
    expect(isWorkingDay("2026-03-02", official2026)).toBe(true); // Monday
    expect(isWorkingDay("2026-03-07", official2026)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08", official2026)).toBe(false); // Sunday
    expect(isWorkingDay("2026-02-16", official2026)).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay("2026-02-14", official2026)).toBe(true); // make-up Saturday
    expect(isWorkingDay("2026-09-20", official2026)).toBe(true); // make-up Sunday
    expect(isWorkingDay("2026-01-01", official2026)).toBe(false); // New Year's Day, a Thursday
  });
});

describe("addWorkingDays", () => {
  it("counts across the 2026 Spring Festival, including the make-up Saturday", () => {
    // Submitted Thu 12 Feb: Fri 13 (1), Sat 14 make-up (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
    expect(addWorkingDays("2026-02-12", 5, official2026)).toBe("2026-02-26");
    expect(addWorkingDays("2026-02-12", 2, official2026)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-12", 3, official2026)).toBe("2026-02-24");
    // Fri 27 (1), Sat 28 make-up (2), Mon 2 March (3).
    expect(addWorkingDays("2026-02-26", 3, official2026)).toBe("2026-03-02");
  });

  it("counts across National Day with the 20 Sep and 10 Oct make-up days", () => {
    // Fri 18 Sep: Sat 19 off, Sun 20 make-up (1), Mon 21 (2), Tue 22 (3).
    expect(addWorkingDays("2026-09-18", 3, official2026)).toBe("2026-09-22");
    // Wed 30 Sep: 1–7 Oct off, Thu 8 (1), Fri 9 (2), Sat 10 make-up (3), Sun 11 off, Mon 12 (4).
    expect(addWorkingDays("2026-09-30", 2, official2026)).toBe("2026-10-09");
    expect(addWorkingDays("2026-09-30", 3, official2026)).toBe("2026-10-10");
    expect(addWorkingDays("2026-09-30", 4, official2026)).toBe("2026-10-12");
    // Thu 24 Sep: 25–27 Mid-Autumn off, Mon 28 (1), Tue 29 (2), Wed 30 (3), then National Day, Thu 8 Oct (4).
    expect(addWorkingDays("2026-09-24", 4, official2026)).toBe("2026-10-08");
    // 20 working days from Fri 18 Sep: Sep 20–24 (5), Sep 28–30 (8), Oct 8–10 (11), Oct 12–16 (16), Oct 19–22 (20).
    expect(addWorkingDays("2026-09-18", 20, official2026)).toBe("2026-10-22");
  });

  it("skips a plain weekend", () => {
    // Wed 11 March: Thu 12 (1), Fri 13 (2), Mon 16 (3).
    expect(addWorkingDays("2026-03-11", 3, official2026)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-13", 1, official2026)).toBe("2026-03-16");
    // Mon 9 March: Tue 10 … Fri 13 is four working days; the fifth is Mon 16.
    expect(addWorkingDays("2026-03-09", 4, official2026)).toBe("2026-03-13");
    expect(addWorkingDays("2026-03-09", 5, official2026)).toBe("2026-03-16");
    expect(addWorkingDays("2026-03-09", 10, emptyCalendar)).toBe("2026-03-23");
  });

  it("starts counting the day after an application received on a holiday or weekend", () => {
    // Received Sat 3 Oct (online, during the holiday): first working day is Thu 8 Oct.
    expect(addWorkingDays("2026-10-03", 1, official2026)).toBe("2026-10-08");
    expect(addWorkingDays("2026-03-07", 1, official2026)).toBe("2026-03-09");
    expect(addWorkingDays("2026-02-15", 1, official2026)).toBe("2026-02-24");
  });

  it("returns the start itself for zero days, even on a holiday", () => {
    expect(addWorkingDays("2026-02-12", 0, official2026)).toBe("2026-02-12");
    expect(addWorkingDays("2026-10-03", 0, official2026)).toBe("2026-10-03");
  });

  it("rejects negative, fractional and non-finite day counts", () => {
    expect(() => addWorkingDays("2026-02-12", -1, official2026)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-12", 1.5, official2026)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-12", Number.NaN, official2026)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-12", Number.POSITIVE_INFINITY, official2026)).toThrow(RangeError);
    expect(() => addWorkingDays("2026-02-31", 1, official2026)).toThrow(RangeError);
  });

  it("crosses the year boundary into the 2026 New Year holiday", () => {
    // Wed 31 Dec 2025: 1–3 Jan off, Sun 4 Jan make-up (1), Mon 5 (2).
    expect(addWorkingDays("2025-12-31", 1, official2026)).toBe("2026-01-04");
    expect(addWorkingDays("2025-12-31", 2, official2026)).toBe("2026-01-05");
  });
});

describe("countWorkingDays", () => {
  it("counts the half-open range (from, to]", () => {
    expect(countWorkingDays("2026-02-12", "2026-02-26", official2026)).toBe(5);
    expect(countWorkingDays("2026-03-09", "2026-03-13", official2026)).toBe(4);
    expect(countWorkingDays("2026-03-09", "2026-03-09", official2026)).toBe(0);
    expect(countWorkingDays("2026-03-13", "2026-03-09", official2026)).toBe(0);
    expect(countWorkingDays("2026-10-01", "2026-10-07", official2026)).toBe(0);
    expect(countWorkingDays("2026-09-30", "2026-10-10", official2026)).toBe(3);
  });

  it("knows 2026 has 248 working days in the official calendar", () => {
    // 261 weekdays − 19 holidays that fall on weekdays + 6 make-up weekend days.
    const weekdays = range("2026-01-01", "2026-12-31").filter((date) => {
      const day = parseIsoDate(date)!.getUTCDay();
      return day !== 0 && day !== 6;
    }).length;
    const weekdayHolidays = [...official2026.holidays].filter((date) => {
      const day = parseIsoDate(date)!.getUTCDay();
      return day !== 0 && day !== 6;
    }).length;
    const expected = weekdays - weekdayHolidays + official2026.workdays.size;
    expect(countWorkingDays("2025-12-31", "2026-12-31", official2026)).toBe(expected);
    expect(expected).toBe(248);
  });

  it("is the inverse of addWorkingDays", () => {
    const start = fc
      .integer({ min: 0, max: 2 * 366 })
      .map((offset) => addDays("2025-07-01", offset));
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 120 }), (from, days) => {
        const deadline = addWorkingDays(from, days, official2026);
        expect(countWorkingDays(from, deadline, official2026)).toBe(days);
        // The deadline is itself a working day (unless no counting happened at all).
        if (days > 0) expect(isWorkingDay(deadline, official2026)).toBe(true);
      }),
    );
  });
});

describe("toIsoDate", () => {
  it("reads the date on Beijing time by default", () => {
    // 16:30 UTC on 12 Feb is 00:30 on 13 Feb in Beijing.
    expect(toIsoDate(new Date("2026-02-12T16:30:00Z"))).toBe("2026-02-13");
    expect(toIsoDate(new Date("2026-02-12T15:59:59Z"))).toBe("2026-02-12");
  });

  it("reads the date in another time zone when asked", () => {
    expect(toIsoDate(new Date("2026-02-12T16:30:00Z"), "UTC")).toBe("2026-02-12");
    expect(toIsoDate(new Date("2026-01-01T03:00:00Z"), "America/Los_Angeles")).toBe("2025-12-31");
  });
});
