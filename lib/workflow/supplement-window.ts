/**
 * 行政许可法 art. 32: what is missing must be asked for, all at once, within 5 working days of receipt (here: of the
 * task reaching its department); otherwise the application counts as accepted from receipt. The clerk is warned
 * when that window is about to close, or has.
 */
import { addWorkingDays, countWorkingDays, type TCalendar } from "@/lib/calendar/working-days";
import type { TTaskStatus } from "./statuses";

export const SUPPLEMENT_WINDOW_DAYS = 5;

export type TSupplementWindowWarning = { closed: boolean; endsOn: string };

/**
 * The warning to show, or null: only while nothing has been asked yet, the task is waiting or accepted, and at
 * most one working day of the window is left (or it has passed).
 */
export function supplementWindowWarning(
  task: { status: TTaskStatus; readyOn: string | null },
  options: { askedBefore: boolean; today: string; calendar: TCalendar },
): TSupplementWindowWarning | null {
  const { askedBefore, today, calendar } = options;
  if (askedBefore || !task.readyOn || (task.status !== "waiting" && task.status !== "accepted")) return null;
  const endsOn = addWorkingDays(task.readyOn, SUPPLEMENT_WINDOW_DAYS, calendar);
  if (today > endsOn) return { closed: true, endsOn };
  return countWorkingDays(today, endsOn, calendar) <= 1 ? { closed: false, endsOn } : null;
}
