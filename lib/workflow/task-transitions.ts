/**
 * The one place that says what may happen to a department task, and who may make it happen. Use cases consult
 * it; nothing else decides.
 *
 *   pending ─release(system)→ waiting ─accept→ accepted ─approve→ approved
 *      │                         │                │ └──────reject→ rejected
 *      └─cancel(system)→ cancelled└─refuse→ refused └─request-supplement→ supplement-requested
 *                                                                           │ supply (applicant)
 *                        accepted ←accept─ supplement-received ←────────────┘
 *                                          └─request-supplement→ supplement-requested (ask again)
 *   waiting ─approve-instantly(system)→ approved: an instant service (即办件) whose rule holds, at submit
 *   waiting, accepted ─approve-on-commitment→ approved: 告知承诺制, when the service's commitment answer says yes
 *                       (the use case checks the answer; lib/workflow/commitment.ts); the runner opens an inspection
 *   withdraw (applicant): from any status before a decision → withdrawn
 *
 * An inspection task (kind "inspection", 核查) has its own, shorter life:
 *
 *   waiting ─pass→ passed
 *           └fail→ failed: the findings are the reason; the runner revokes the licence the approval issued
 *
 * A pending task waits for its prerequisites; when they are all approved the system releases it into its
 * department's queue, and when one of them ends without approval the system cancels it.
 */
import type { TCaseStatus, TTaskKind, TTaskStatus } from "@/lib/workflow/statuses";

export const taskActions = [
  "release",
  "accept",
  "refuse",
  "request-supplement",
  "supply",
  "approve",
  "approve-instantly",
  "approve-on-commitment",
  "reject",
  "withdraw",
  "cancel",
  "pass",
  "fail",
] as const;
export type TTaskAction = (typeof taskActions)[number];

/** Who may take an action: a clerk of the task's department, the applicant (or their company's staff), or the system. */
export type TTransitionActor = "clerk" | "applicant" | "system";

type TTransition = { to: TTaskStatus; by: TTransitionActor };

const withdraw: TTransition = { to: "withdrawn", by: "applicant" };

type TTransitionTable = Partial<Record<TTaskStatus, Partial<Record<TTaskAction, TTransition>>>>;

const reviewTransitions: TTransitionTable = {
  pending: { release: { to: "waiting", by: "system" }, cancel: { to: "cancelled", by: "system" }, withdraw },
  waiting: {
    accept: { to: "accepted", by: "clerk" },
    refuse: { to: "refused", by: "clerk" },
    "approve-instantly": { to: "approved", by: "system" },
    // No separate acceptance: approving on commitment accepts and approves in one decision.
    "approve-on-commitment": { to: "approved", by: "clerk" },
    withdraw,
  },
  accepted: {
    "request-supplement": { to: "supplement-requested", by: "clerk" },
    approve: { to: "approved", by: "clerk" },
    "approve-on-commitment": { to: "approved", by: "clerk" },
    reject: { to: "rejected", by: "clerk" },
    withdraw,
  },
  "supplement-requested": { supply: { to: "supplement-received", by: "applicant" }, withdraw },
  "supplement-received": {
    accept: { to: "accepted", by: "clerk" },
    "request-supplement": { to: "supplement-requested", by: "clerk" },
    withdraw,
  },
  refused: {},
  approved: {},
  rejected: {},
  withdrawn: {},
  cancelled: {},
};

/**
 * The inspection after an approval on commitment. The applicant cannot withdraw it (the approval stands until the
 * inspection says otherwise), and it takes no supplement: what the clerk finds is the outcome.
 */
const inspectionTransitions: TTransitionTable = {
  waiting: { pass: { to: "passed", by: "clerk" }, fail: { to: "failed", by: "clerk" } },
};

const transitions: Record<TTaskKind, TTransitionTable> = { review: reviewTransitions, inspection: inspectionTransitions };

/** The status an action leads to, or null when the action is not allowed from this status (for this kind of task). */
export function nextTaskStatus(status: TTaskStatus, action: TTaskAction, kind: TTaskKind = "review"): TTaskStatus | null {
  return transitions[kind][status]?.[action]?.to ?? null;
}

/** Who may take this action from this status, or null when it is not allowed at all. */
export function transitionActor(status: TTaskStatus, action: TTaskAction, kind: TTaskKind = "review"): TTransitionActor | null {
  return transitions[kind][status]?.[action]?.by ?? null;
}

/** The actions open to one kind of actor in a status, in the table's order. */
export function allowedTaskActions(status: TTaskStatus, by: TTransitionActor = "clerk", kind: TTaskKind = "review"): TTaskAction[] {
  return taskActions.filter((action) => transitions[kind][status]?.[action]?.by === by);
}

/** Refusing, rejecting, asking for a supplement and failing an inspection (its findings) must tell the applicant why. */
export function actionNeedsReason(action: TTaskAction): boolean {
  return action === "refuse" || action === "reject" || action === "request-supplement" || action === "fail";
}

const concluded: ReadonlySet<TTaskStatus> = new Set(["refused", "approved", "rejected", "withdrawn", "cancelled", "passed", "failed"]);

/** The task has ended, whatever the outcome (办结, withdrawn, or cancelled because a prerequisite was not approved). */
export function isTaskConcluded(status: TTaskStatus): boolean {
  return concluded.has(status);
}

/** Statuses in which the task's clock runs: in its department's hands, not waiting on prerequisites or the applicant. */
export const clockRunningStatuses: readonly TTaskStatus[] = ["waiting", "accepted", "supplement-received"];

/** Statuses in which a department still has, or will have, work to do. */
export const openTaskStatuses: TTaskStatus[] = ["pending", "waiting", "accepted", "supplement-requested", "supplement-received"];

/** Statuses a clerk can act on now (claim next picks among the unclaimed ones). */
export const actionableTaskStatuses: TTaskStatus[] = ["waiting", "accepted", "supplement-received"];

/**
 * The case's status follows from its reviews only. An inspection after an approval on commitment is the department's
 * supervision of a licence already granted (事中事后监管), not part of deciding the application: the case is
 * concluded once every review has ended (the applicant holds the licence, may rate the service, the case counts as
 * handled on time or not), while the inspection stays open work in the department's queue with its own due date.
 * A failed inspection revokes the licence; it does not reopen the case (docs/decisions/027).
 */
export function caseStatusOf(tasks: readonly { status: TTaskStatus; kind: TTaskKind }[]): TCaseStatus {
  return deriveCaseStatus(tasks.filter((task) => task.kind === "review").map((task) => task.status));
}

/** Whether the applicant can still withdraw this task: a review not yet ended (an inspection is not theirs to stop). */
export function isWithdrawable(task: { status: TTaskStatus; kind: TTaskKind }): boolean {
  return task.kind === "review" && !isTaskConcluded(task.status);
}

/**
 * The case's status follows from its (review) tasks: withdrawn when the applicant withdrew all of it; concluded when every
 * task has ended; waiting for the applicant while any department waits for a supplement; in progress once any
 * department has moved; submitted before that.
 */
export function deriveCaseStatus(statuses: readonly TTaskStatus[]): TCaseStatus {
  if (statuses.length > 0 && statuses.every(isTaskConcluded)) {
    return statuses.every((status) => status === "withdrawn") ? "withdrawn" : "concluded";
  }
  if (statuses.includes("supplement-requested")) return "waiting-for-applicant";
  if (statuses.some((status) => status !== "waiting" && status !== "pending")) return "in-progress";
  return "submitted";
}
