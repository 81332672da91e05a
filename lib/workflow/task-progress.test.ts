import { describe, expect, it } from "vitest";
import { createCalendar } from "@/lib/calendar/working-days";
import { describeTaskProgress, timeLeft } from "./task-progress";

const task = { status: "accepted" as const, decidedAt: null, prerequisiteTaskIds: [], clockStoppedOn: null, dueDate: "2026-12-01" };

describe("describeTaskProgress", () => {
  it("gives the due date of a task whose clock runs", () => {
    expect(describeTaskProgress(task)).toEqual({ kind: "due", dueDate: "2026-12-01" });
    expect(describeTaskProgress({ ...task, status: "waiting" })).toEqual({ kind: "due", dueDate: "2026-12-01" });
  });

  it("gives the decision day of a concluded task", () => {
    const decidedAt = new Date("2026-11-25T09:30:00+08:00");
    expect(describeTaskProgress({ ...task, status: "approved", decidedAt })).toEqual({ kind: "decided", decidedAt });
    expect(describeTaskProgress({ ...task, status: "refused", decidedAt })).toEqual({ kind: "decided", decidedAt });
  });

  it("names what a pending task waits for, and says a stopped clock is stopped", () => {
    expect(describeTaskProgress({ ...task, status: "pending", prerequisiteTaskIds: ["health-task"] })).toEqual({
      kind: "starts-after",
      prerequisiteTaskIds: ["health-task"],
    });
    expect(describeTaskProgress({ ...task, status: "supplement-requested", clockStoppedOn: "2026-11-24" })).toEqual({ kind: "clock-stopped" });
  });
});

describe("timeLeft", () => {
  // Friday 2 October 2026 is a National Day holiday.
  const calendar = createCalendar([{ date: "2026-10-02", kind: "holiday" }]);

  it("counts the working days left after today, skipping weekends and holidays", () => {
    expect(timeLeft("2026-10-05", "2026-09-30", calendar)).toEqual({ overdue: false, workingDays: 2 });
    expect(timeLeft("2026-10-05", "2026-10-02", calendar)).toEqual({ overdue: false, workingDays: 1 });
  });

  it("says a task due today has no day left, and one due yesterday is late", () => {
    expect(timeLeft("2026-10-05", "2026-10-05", calendar)).toEqual({ overdue: false, workingDays: 0 });
    expect(timeLeft("2026-10-05", "2026-10-06", calendar)).toEqual({ overdue: true });
  });
});
