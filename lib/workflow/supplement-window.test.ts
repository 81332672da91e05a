import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar/working-days";
import { supplementWindowWarning } from "./supplement-window";

// 2026-10-01..07 are the National Day holidays; Sunday 2026-09-20 and Saturday 2026-10-10 are make-up working days.
const calendar = createCalendar([
  ...["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"].map((date) => ({ date, kind: "holiday" as const })),
  ...["2026-09-20", "2026-10-10"].map((date) => ({ date, kind: "workday" as const })),
]);
const task = { status: "waiting" as const, readyOn: "2026-09-21" };
const warn = (today: string, overrides: Partial<{ status: "waiting" | "accepted" | "supplement-received" | "pending"; readyOn: string | null }> = {}, askedBefore = false) =>
  supplementWindowWarning({ ...task, ...overrides }, { askedBefore, today, calendar });

describe("supplementWindowWarning", () => {
  it("stays quiet while more than one working day of the window is left", () => {
    // Ready Monday 21 September (the day itself not counted): the five working days end Monday the 28th.
    expect(warn("2026-09-21")).toBeNull();
    expect(warn("2026-09-24")).toBeNull();
  });

  it("warns on the last working day but one and on the last day, then says it has closed", () => {
    expect(warn("2026-09-25")).toEqual({ closed: false, endsOn: "2026-09-28" });
    expect(warn("2026-09-28")).toEqual({ closed: false, endsOn: "2026-09-28" });
    expect(warn("2026-09-29")).toEqual({ closed: true, endsOn: "2026-09-28" });
  });

  it("counts working days across holidays and make-up days", () => {
    // Ready Wednesday 30 September: the holidays pass, then 8, 9, 10 (the make-up Saturday), 12 and 13 October.
    expect(warn("2026-10-09", { readyOn: "2026-09-30" })).toBeNull();
    expect(warn("2026-10-12", { readyOn: "2026-09-30" })).toEqual({ closed: false, endsOn: "2026-10-13" });
  });

  it("says nothing once a supplement was asked for, before the task is ready, or in another status", () => {
    expect(warn("2026-09-29", {}, true)).toBeNull();
    expect(warn("2026-09-29", { readyOn: null, status: "pending" })).toBeNull();
    expect(warn("2026-09-29", { status: "supplement-received" })).toBeNull();
    expect(warn("2026-09-29", { status: "accepted" })).toEqual({ closed: true, endsOn: "2026-09-28" });
  });
});
