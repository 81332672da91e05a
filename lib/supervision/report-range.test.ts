import { describe, expect, it } from "vitest";
import { monthOf, parseReportRange, periodOf } from "./report-range";

describe("the dashboard's date range", () => {
  it("is this month when no date is given", () => {
    expect(parseReportRange({}, "2026-12-04")).toEqual({ ok: true, range: { from: "2026-12-01", to: "2026-12-31" } });
    expect(monthOf("2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("takes the dates asked for, both included", () => {
    expect(parseReportRange({ from: "2026-01-05", to: "2026-01-05" }, "2026-12-04")).toEqual({ ok: true, range: { from: "2026-01-05", to: "2026-01-05" } });
  });

  it("refuses a date that is not a real calendar date", () => {
    expect(parseReportRange({ from: "2026-02-30", to: "2026-03-01" }, "2026-12-04")).toEqual({ ok: false, code: "invalid:report-date" });
    expect(parseReportRange({ from: "yesterday" }, "2026-12-04")).toEqual({ ok: false, code: "invalid:report-date" });
  });

  it("refuses a reversed range", () => {
    expect(parseReportRange({ from: "2026-03-02", to: "2026-03-01" }, "2026-12-04")).toEqual({ ok: false, code: "invalid:report-range-reversed" });
  });

  it("takes 5 years at most", () => {
    expect(parseReportRange({ from: "2021-03-01", to: "2026-02-28" }, "2026-12-04").ok).toBe(true);
    expect(parseReportRange({ from: "2021-03-01", to: "2026-03-01" }, "2026-12-04")).toEqual({ ok: false, code: "invalid:report-range-too-long" });
    expect(parseReportRange({ from: "2024-02-29", to: "2029-02-28" }, "2026-12-04").ok).toBe(true);
    expect(parseReportRange({ from: "2024-02-29", to: "2029-03-01" }, "2026-12-04")).toEqual({ ok: false, code: "invalid:report-range-too-long" });
  });

  it("charts weeks over a quarter at most, months beyond", () => {
    expect(periodOf({ from: "2026-01-01", to: "2026-03-31" })).toBe("week");
    expect(periodOf({ from: "2026-01-01", to: "2026-04-30" })).toBe("month");
  });
});
