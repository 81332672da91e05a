/**
 * The states a case and a task can be in. They are rules of the workflow (lib/workflow/task-transitions.ts moves
 * between them), so they live here; db/schema/cases.ts takes them as its columns' enums.
 */

/** Derived from the case's tasks (lib/workflow/task-transitions.ts), never set on its own. */
export const caseStatuses = ["submitted", "in-progress", "waiting-for-applicant", "concluded", "withdrawn"] as const;
export type TCaseStatus = (typeof caseStatuses)[number];

/** The task's life; the transitions between these live in lib/workflow/task-transitions.ts and nowhere else. */
export const taskStatuses = [
  "pending",
  "waiting",
  "accepted",
  "supplement-requested",
  "supplement-received",
  "refused",
  "approved",
  "rejected",
  "withdrawn",
  "cancelled",
] as const;
export type TTaskStatus = (typeof taskStatuses)[number];
