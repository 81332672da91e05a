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
  // An inspection's outcomes (告知承诺制): the venue kept the commitment, or did not (its licence is revoked).
  "passed",
  "failed",
] as const;
export type TTaskStatus = (typeof taskStatuses)[number];

/**
 * What a task is for: a department's review of the application (审查, every task a submission creates), or the
 * inspection (核查) that follows an approval on commitment (告知承诺制), created by the runner in the same case and
 * department. Each kind has its own transitions (lib/workflow/task-transitions.ts).
 */
export const taskKinds = ["review", "inspection"] as const;
export type TTaskKind = (typeof taskKinds)[number];
