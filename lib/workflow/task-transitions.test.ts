import { describe, expect, it } from "vitest";
import { taskStatuses, type TTaskStatus } from "./statuses";
import {
  actionNeedsReason,
  allowedTaskActions,
  deriveCaseStatus,
  isTaskConcluded,
  nextTaskStatus,
  taskActions,
  transitionActor,
  type TTaskAction,
  type TTransitionActor,
} from "./task-transitions";

type TCell = `${TTaskStatus} by ${TTransitionActor}`;

describe("the task transition table", () => {
  // Every state × every action, spelled out: a change to the table must change this test. Missing = not allowed.
  const expected: Record<TTaskStatus, Partial<Record<TTaskAction, TCell>>> = {
    pending: { release: "waiting by system", cancel: "cancelled by system", withdraw: "withdrawn by applicant" },
    waiting: { accept: "accepted by clerk", refuse: "refused by clerk", "approve-instantly": "approved by system", withdraw: "withdrawn by applicant" },
    accepted: {
      "request-supplement": "supplement-requested by clerk",
      approve: "approved by clerk",
      reject: "rejected by clerk",
      withdraw: "withdrawn by applicant",
    },
    "supplement-requested": { supply: "supplement-received by applicant", withdraw: "withdrawn by applicant" },
    "supplement-received": {
      accept: "accepted by clerk",
      "request-supplement": "supplement-requested by clerk",
      withdraw: "withdrawn by applicant",
    },
    refused: {},
    approved: {},
    rejected: {},
    withdrawn: {},
    cancelled: {},
  };
  for (const status of taskStatuses) {
    for (const action of taskActions) {
      const cell = expected[status][action];
      it(`${status} + ${action} → ${cell ?? "not allowed"}`, () => {
        const next = nextTaskStatus(status, action);
        const by = transitionActor(status, action);
        expect(next && by ? `${next} by ${by}` : null).toBe(cell ?? null);
      });
    }
  }

  it("lists the actions each kind of actor has in a status", () => {
    expect(allowedTaskActions("waiting")).toEqual(["accept", "refuse"]);
    expect(allowedTaskActions("accepted")).toEqual(["request-supplement", "approve", "reject"]);
    expect(allowedTaskActions("supplement-requested")).toEqual([]);
    expect(allowedTaskActions("supplement-requested", "applicant")).toEqual(["supply", "withdraw"]);
    expect(allowedTaskActions("pending", "system")).toEqual(["release", "cancel"]);
    expect(allowedTaskActions("waiting", "system")).toEqual(["approve-instantly"]);
    expect(allowedTaskActions("approved", "applicant")).toEqual([]);
  });

  it("asks for a reason exactly when the applicant is told no or asked for more", () => {
    expect(taskActions.filter(actionNeedsReason)).toEqual(["refuse", "request-supplement", "reject"]);
  });

  it("treats every end as concluded, and nothing else", () => {
    expect(taskStatuses.filter(isTaskConcluded)).toEqual(["refused", "approved", "rejected", "withdrawn", "cancelled"]);
  });

  it("leaves no way out of a concluded status", () => {
    for (const status of taskStatuses.filter(isTaskConcluded)) {
      for (const action of taskActions) expect(nextTaskStatus(status, action)).toBeNull();
    }
  });
});

describe("deriveCaseStatus", () => {
  it("is submitted while every department is still waiting or waiting on another", () => {
    expect(deriveCaseStatus(["waiting", "waiting"])).toBe("submitted");
    expect(deriveCaseStatus(["waiting", "pending"])).toBe("submitted");
  });
  it("is in progress once any department has moved but not all have concluded", () => {
    expect(deriveCaseStatus(["accepted", "waiting"])).toBe("in-progress");
    expect(deriveCaseStatus(["approved", "pending"])).toBe("in-progress");
  });
  it("waits for the applicant while any department waits for a supplement", () => {
    expect(deriveCaseStatus(["supplement-requested", "approved"])).toBe("waiting-for-applicant");
    expect(deriveCaseStatus(["supplement-received", "approved"])).toBe("in-progress");
  });
  it("is concluded when every task is, whatever the outcomes", () => {
    expect(deriveCaseStatus(["approved", "rejected", "refused"])).toBe("concluded");
    expect(deriveCaseStatus(["approved", "withdrawn", "cancelled"])).toBe("concluded");
  });
  it("is withdrawn only when the applicant withdrew every task", () => {
    expect(deriveCaseStatus(["withdrawn", "withdrawn"])).toBe("withdrawn");
  });
  it("is never concluded without tasks", () => {
    expect(deriveCaseStatus([])).toBe("submitted");
  });
});
