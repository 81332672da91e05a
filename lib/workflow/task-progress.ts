import type { TTaskStatus } from "@/lib/workflow/statuses";
import { isTaskConcluded } from "./task-transitions";

/**
 * What an applicant is told about one department's task, on the tracker and on the receipt alike: the day it was
 * decided, the departments it waits for, that its clock stands still for a supplement, or the day it is due.
 */
export type TTaskProgress =
  | { kind: "decided"; decidedAt: Date }
  | { kind: "starts-after"; prerequisiteTaskIds: string[] }
  | { kind: "clock-stopped" }
  | { kind: "due"; dueDate: string };

export function describeTaskProgress(task: {
  status: TTaskStatus;
  decidedAt: Date | null;
  prerequisiteTaskIds: string[];
  clockStoppedOn: string | null;
  dueDate: string;
}): TTaskProgress {
  if (isTaskConcluded(task.status) && task.decidedAt) return { kind: "decided", decidedAt: task.decidedAt };
  if (task.status === "pending") return { kind: "starts-after", prerequisiteTaskIds: task.prerequisiteTaskIds };
  if (task.clockStoppedOn) return { kind: "clock-stopped" };
  return { kind: "due", dueDate: task.dueDate };
}
