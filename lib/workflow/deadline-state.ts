import { countWorkingDays, type TCalendar } from "@/lib/calendar/working-days";

export type TDeadlineState = "overdue" | "soon-due" | "on-time";

/** Overdue after the due date; "soon due" when 2 working days or fewer remain (the supervision threshold). */
export function deadlineState(dueDate: string, today: string, calendar: TCalendar): TDeadlineState {
  if (today > dueDate) return "overdue";
  return countWorkingDays(today, dueDate, calendar) <= 2 ? "soon-due" : "on-time";
}
