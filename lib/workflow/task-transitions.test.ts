import { describe, expect, it } from "vitest";
import { taskKinds, taskStatuses, type TTaskKind, type TTaskStatus } from "./statuses";
import {
  actionNeedsReason,
  allowedTaskActions,
  caseStatusOf,
  deriveCaseStatus,
  isTaskConcluded,
  isWithdrawable,
  nextTaskStatus,
  taskActions,
  transitionActor,
  type TTaskAction,
  type TTransitionActor,
} from "./task-transitions";

type TCell = `${TTaskStatus} by ${TTransitionActor}`;

describe("the task transition table", () => {
  // Every kind × state × action, spelled out: a change to the table must change this test. Missing = not allowed.
  const review: Partial<Record<TTaskStatus, Partial<Record<TTaskAction, TCell>>>> = {
    pending: { release: "waiting by system", cancel: "cancelled by system", withdraw: "withdrawn by applicant" },
    waiting: {
      accept: "accepted by clerk",
      refuse: "refused by clerk",
      "approve-instantly": "approved by system",
      "approve-on-commitment": "approved by clerk",
      withdraw: "withdrawn by applicant",
    },
    accepted: {
      "request-supplement": "supplement-requested by clerk",
      approve: "approved by clerk",
      "approve-on-commitment": "approved by clerk",
      reject: "rejected by clerk",
      withdraw: "withdrawn by applicant",
    },
    "supplement-requested": { supply: "supplement-received by applicant", withdraw: "withdrawn by applicant" },
    "supplement-received": {
      accept: "accepted by clerk",
      "request-supplement": "supplement-requested by clerk",
      withdraw: "withdrawn by applicant",
    },
  };
  const inspection: Partial<Record<TTaskStatus, Partial<Record<TTaskAction, TCell>>>> = {
    waiting: { pass: "passed by clerk", fail: "failed by clerk" },
  };
  const expected: Record<TTaskKind, typeof review> = { review, inspection };
  for (const kind of taskKinds) {
    for (const status of taskStatuses) {
      for (const action of taskActions) {
        const cell = expected[kind][status]?.[action];
        it(`${kind}: ${status} + ${action} → ${cell ?? "not allowed"}`, () => {
          const next = nextTaskStatus(status, action, kind);
          const by = transitionActor(status, action, kind);
          expect(next && by ? `${next} by ${by}` : null).toBe(cell ?? null);
        });
      }
    }
  }

  it("lists the actions each kind of actor has in a status", () => {
    expect(allowedTaskActions("waiting")).toEqual(["accept", "refuse", "approve-on-commitment"]);
    expect(allowedTaskActions("accepted")).toEqual(["request-supplement", "approve", "approve-on-commitment", "reject"]);
    expect(allowedTaskActions("waiting", "clerk", "inspection")).toEqual(["pass", "fail"]);
    expect(allowedTaskActions("waiting", "applicant", "inspection")).toEqual([]);
    expect(allowedTaskActions("supplement-requested")).toEqual([]);
    expect(allowedTaskActions("supplement-requested", "applicant")).toEqual(["supply", "withdraw"]);
    expect(allowedTaskActions("pending", "system")).toEqual(["release", "cancel"]);
    expect(allowedTaskActions("waiting", "system")).toEqual(["approve-instantly"]);
    expect(allowedTaskActions("approved", "applicant")).toEqual([]);
  });

  it("asks for a reason exactly when the applicant is told no or asked for more", () => {
    expect(taskActions.filter(actionNeedsReason)).toEqual(["refuse", "request-supplement", "reject", "fail"]);
  });

  it("treats every end as concluded, and nothing else", () => {
    expect(taskStatuses.filter(isTaskConcluded)).toEqual(["refused", "approved", "rejected", "withdrawn", "cancelled", "passed", "failed"]);
  });

  it("leaves no way out of a concluded status", () => {
    for (const kind of taskKinds) {
      for (const status of taskStatuses.filter(isTaskConcluded)) {
        for (const action of taskActions) expect(nextTaskStatus(status, action, kind)).toBeNull();
      }
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

describe("caseStatusOf", () => {
  it("concludes a case once its reviews have ended, while an inspection after an approval on commitment is open", () => {
    expect(caseStatusOf([{ status: "approved", kind: "review" }, { status: "waiting", kind: "inspection" }])).toBe("concluded");
    expect(caseStatusOf([{ status: "approved", kind: "review" }, { status: "failed", kind: "inspection" }])).toBe("concluded");
    expect(caseStatusOf([{ status: "approved", kind: "review" }, { status: "accepted", kind: "review" }, { status: "waiting", kind: "inspection" }])).toBe("in-progress");
  });
  it("lets the applicant withdraw open reviews, never an inspection", () => {
    expect(isWithdrawable({ status: "accepted", kind: "review" })).toBe(true);
    expect(isWithdrawable({ status: "approved", kind: "review" })).toBe(false);
    expect(isWithdrawable({ status: "waiting", kind: "inspection" })).toBe(false);
  });
});
