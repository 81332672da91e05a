import { describe, expect, it } from "vitest";
import { taskStatuses, type TTaskStatus } from "@/db/schema/cases";
import { actionNeedsReason, allowedTaskActions, deriveCaseStatus, isTaskConcluded, nextTaskStatus, taskActions } from "./task-transitions";

describe("the task transition table", () => {
  // Every state × every action, spelled out: a change to the table must change this test.
  const expected: Record<TTaskStatus, Record<string, TTaskStatus | null>> = {
    waiting: { accept: "accepted", refuse: "refused", approve: null, reject: null },
    accepted: { accept: null, refuse: null, approve: "approved", reject: "rejected" },
    refused: { accept: null, refuse: null, approve: null, reject: null },
    approved: { accept: null, refuse: null, approve: null, reject: null },
    rejected: { accept: null, refuse: null, approve: null, reject: null },
  };
  for (const status of taskStatuses) {
    for (const action of taskActions) {
      it(`${status} + ${action} → ${expected[status][action] ?? "refused"}`, () => {
        expect(nextTaskStatus(status, action)).toBe(expected[status][action]);
      });
    }
  }

  it("lists the allowed actions of each status", () => {
    expect(allowedTaskActions("waiting")).toEqual(["accept", "refuse"]);
    expect(allowedTaskActions("accepted")).toEqual(["approve", "reject"]);
    expect(allowedTaskActions("approved")).toEqual([]);
  });

  it("asks for a reason exactly when the applicant is told no", () => {
    expect(taskActions.filter(actionNeedsReason)).toEqual(["refuse", "reject"]);
  });

  it("treats refused, approved and rejected as concluded", () => {
    expect(taskStatuses.filter(isTaskConcluded)).toEqual(["refused", "approved", "rejected"]);
  });
});

describe("deriveCaseStatus", () => {
  it("is submitted while every department is still waiting", () => {
    expect(deriveCaseStatus(["waiting", "waiting"])).toBe("submitted");
  });
  it("is in progress once any department has moved but not all have concluded", () => {
    expect(deriveCaseStatus(["accepted", "waiting"])).toBe("in-progress");
    expect(deriveCaseStatus(["approved", "waiting"])).toBe("in-progress");
  });
  it("is concluded when every task is, whatever the outcomes", () => {
    expect(deriveCaseStatus(["approved", "rejected", "refused"])).toBe("concluded");
  });
  it("is never concluded without tasks", () => {
    expect(deriveCaseStatus([])).toBe("submitted");
  });
});
