/**
 * A task's clock (办理时限), counted in working days: it starts when the task reaches its department, stops while
 * the applicant is asked for a supplement (keeping the working days that were left), restarts when the supplement
 * arrives, and an approved extension moves it later. Pure: the runner (server/workflow/run-task-transition.ts)
 * applies these to the task row, and submit starts the clock of the tasks it creates.
 */
import { addWorkingDays, countWorkingDays, type TCalendar } from "@/lib/calendar/working-days";

type TDueDates = { dueDate: string; legalDueDate: string };
type TDaysLeft = { promisedDaysLeft: number | null; legalDaysLeft: number | null };

/** The clock starts today, with the service's promised and legal time limits. */
export function startClock(today: string, limits: { promisedLimitDays: number; legalLimitDays: number }, calendar: TCalendar) {
  return {
    readyOn: today,
    dueDate: addWorkingDays(today, limits.promisedLimitDays, calendar),
    legalDueDate: addWorkingDays(today, limits.legalLimitDays, calendar),
  };
}

/** The clock stops today: the working days left are remembered (none when already late). */
export function stopClock(today: string, task: TDueDates, calendar: TCalendar) {
  return {
    clockStoppedOn: today,
    promisedDaysLeft: countWorkingDays(today, task.dueDate, calendar),
    legalDaysLeft: countWorkingDays(today, task.legalDueDate, calendar),
  };
}

/** The clock restarts today with the working days that were left when it stopped. */
export function restartClock(today: string, task: TDaysLeft, calendar: TCalendar) {
  return {
    dueDate: addWorkingDays(today, task.promisedDaysLeft ?? 0, calendar),
    legalDueDate: addWorkingDays(today, task.legalDaysLeft ?? 0, calendar),
    clockStoppedOn: null,
    promisedDaysLeft: null,
    legalDaysLeft: null,
  };
}

/** An extension of `days` working days: both due dates move, or, while the clock is stopped, the days left grow. */
export function extendClock(task: TDueDates & TDaysLeft & { clockStoppedOn: string | null }, days: number, calendar: TCalendar): Partial<TDueDates & TDaysLeft> {
  if (task.clockStoppedOn) return { promisedDaysLeft: (task.promisedDaysLeft ?? 0) + days, legalDaysLeft: (task.legalDaysLeft ?? 0) + days };
  return { dueDate: addWorkingDays(task.dueDate, days, calendar), legalDueDate: addWorkingDays(task.legalDueDate, days, calendar) };
}
