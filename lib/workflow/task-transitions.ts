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
 *   withdraw (applicant): from any status before a decision → withdrawn
 *
 * A pending task waits for its prerequisites; when they are all approved the system releases it into its
 * department's queue, and when one of them ends without approval the system cancels it.
 */
import type { TCaseStatus, TTaskStatus } from "@/lib/workflow/statuses";

export const taskActions = [
  "release",
  "accept",
  "refuse",
  "request-supplement",
  "supply",
  "approve",
  "approve-instantly",
  "reject",
  "withdraw",
  "cancel",
] as const;
export type TTaskAction = (typeof taskActions)[number];

/** Who may take an action: a clerk of the task's department, the applicant (or their company's staff), or the system. */
export type TTransitionActor = "clerk" | "applicant" | "system";

type TTransition = { to: TTaskStatus; by: TTransitionActor };

const withdraw: TTransition = { to: "withdrawn", by: "applicant" };

const transitions: Record<TTaskStatus, Partial<Record<TTaskAction, TTransition>>> = {
  pending: { release: { to: "waiting", by: "system" }, cancel: { to: "cancelled", by: "system" }, withdraw },
  waiting: {
    accept: { to: "accepted", by: "clerk" },
    refuse: { to: "refused", by: "clerk" },
    "approve-instantly": { to: "approved", by: "system" },
    withdraw,
  },
  accepted: {
    "request-supplement": { to: "supplement-requested", by: "clerk" },
    approve: { to: "approved", by: "clerk" },
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

/** The status an action leads to, or null when the action is not allowed from this status. */
export function nextTaskStatus(status: TTaskStatus, action: TTaskAction): TTaskStatus | null {
  return transitions[status][action]?.to ?? null;
}

/** Who may take this action from this status, or null when it is not allowed at all. */
export function transitionActor(status: TTaskStatus, action: TTaskAction): TTransitionActor | null {
  return transitions[status][action]?.by ?? null;
}

/** The actions open to one kind of actor in a status, in the table's order. */
export function allowedTaskActions(status: TTaskStatus, by: TTransitionActor = "clerk"): TTaskAction[] {
  return taskActions.filter((action) => transitions[status][action]?.by === by);
}

/** Refusing, rejecting and asking for a supplement must tell the applicant why. */
export function actionNeedsReason(action: TTaskAction): boolean {
  return action === "refuse" || action === "reject" || action === "request-supplement";
}

const concluded: ReadonlySet<TTaskStatus> = new Set(["refused", "approved", "rejected", "withdrawn", "cancelled"]);

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
 * The case's status follows from its tasks: withdrawn when the applicant withdrew all of it; concluded when every
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
