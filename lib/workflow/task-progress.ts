import { countWorkingDays, type TCalendar } from "@/lib/calendar/working-days";
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

/** What the applicant is told of a running task's due date: late, or the working days left (0: due today). */
export type TTimeLeft = { overdue: true } | { overdue: false; workingDays: number };

/** Time limits are in working days, so the applicant is told how many working days remain, not only the date. */
export function timeLeft(dueDate: string, today: string, calendar: TCalendar): TTimeLeft {
  if (today > dueDate) return { overdue: true };
  return { overdue: false, workingDays: countWorkingDays(today, dueDate, calendar) };
}
