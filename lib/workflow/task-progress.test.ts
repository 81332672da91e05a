import { describe, expect, it } from "vitest";
import { describeTaskProgress } from "./task-progress";

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
