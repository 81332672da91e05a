import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar/working-days";
import { listOfficialCalendarDays } from "@/lib/calendar/official-holidays";
import { formatCaseNumber, caseNumberPattern } from "./case-number";
import { deadlineState } from "./deadline-state";

const calendar = createCalendar(listOfficialCalendarDays([2026]));

describe("deadlineState", () => {
  it("is overdue the day after the due date", () => {
    expect(deadlineState("2026-03-02", "2026-03-03", calendar)).toBe("overdue");
  });
  it("is soon due with 2 working days or fewer left, counting over a weekend", () => {
    // Fri 2026-03-06 → due Tue 03-10: Mon and Tue remain.
    expect(deadlineState("2026-03-10", "2026-03-06", calendar)).toBe("soon-due");
    expect(deadlineState("2026-03-11", "2026-03-06", calendar)).toBe("on-time");
    expect(deadlineState("2026-03-06", "2026-03-06", calendar)).toBe("soon-due");
  });
  it("does not count the National Day holiday as time left", () => {
    // Due Thu 10-08; on Wed 09-30 only Oct 8 is a working day before it (Oct 1–7 off).
    expect(deadlineState("2026-10-08", "2026-09-30", calendar)).toBe("soon-due");
  });
});

describe("case numbers", () => {
  it("read as OD, the date and a zero-padded running number", () => {
    expect(formatCaseNumber("2026-11-23", 42)).toBe("OD202611230000042");
    expect(caseNumberPattern.test(formatCaseNumber("2026-11-23", 42))).toBe(true);
  });
});
