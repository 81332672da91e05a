/**
 * The one place that says what may happen to a department task. Use cases consult it; nothing else decides.
 *
 *   waiting  ─accept→ accepted ─approve→ approved
 *      │                  └────reject→ rejected
 *      └─refuse→ refused (不予受理)
 */
import type { TTaskStatus } from "@/db/schema/cases";

export const taskActions = ["accept", "refuse", "approve", "reject"] as const;
export type TTaskAction = (typeof taskActions)[number];

const transitions: Record<TTaskStatus, Partial<Record<TTaskAction, TTaskStatus>>> = {
  waiting: { accept: "accepted", refuse: "refused" },
  accepted: { approve: "approved", reject: "rejected" },
  refused: {},
  approved: {},
  rejected: {},
};

/** The status an action leads to, or null when the action is not allowed from this status. */
export function nextTaskStatus(status: TTaskStatus, action: TTaskAction): TTaskStatus | null {
  return transitions[status][action] ?? null;
}

export function allowedTaskActions(status: TTaskStatus): TTaskAction[] {
  return taskActions.filter((action) => transitions[status][action] !== undefined);
}

/** Refusing and rejecting must tell the applicant why. */
export function actionNeedsReason(action: TTaskAction): boolean {
  return action === "refuse" || action === "reject";
}

const concluded: ReadonlySet<TTaskStatus> = new Set(["refused", "approved", "rejected"]);

export function isTaskConcluded(status: TTaskStatus): boolean {
  return concluded.has(status);
}

/** The case's status follows from its tasks: concluded when every task is; in progress once any has moved. */
export function deriveCaseStatus(statuses: readonly TTaskStatus[]): "submitted" | "in-progress" | "concluded" {
  if (statuses.length > 0 && statuses.every(isTaskConcluded)) return "concluded";
  if (statuses.some((status) => status !== "waiting")) return "in-progress";
  return "submitted";
}

/** Statuses in which a department still has work to do. */
export const openTaskStatuses: TTaskStatus[] = ["waiting", "accepted"];
