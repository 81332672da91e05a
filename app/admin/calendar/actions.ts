"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TCalendarDayFormState } from "@/components/admin/calendar-day-form";
import { isCalendarYear } from "@/server/calendar/calendar-day-input";
import { removeCalendarDay } from "@/server/calendar/remove-calendar-day";
import { setCalendarDay } from "@/server/calendar/set-calendar-day";
import { defineAction } from "@/server/http/define-action";

// Only the shape here (a missing or non-text field reads as empty): what a day may be is the use case's to decide.
const ZText = z.string().catch("");
const ZPosted = z.object({ date: ZText, kind: ZText, name: ZText });
const ZRemove = z.object({ date: z.string().max(10), year: ZText });

/** Back to the page of the first of `years` (a date or a year) that names a calendar year, with what happened. */
function calendarPage(years: string[], outcome: Record<string, string> = {}) {
  const year = years.map((candidate) => Number(candidate.slice(0, 4))).find(isCalendarYear);
  const query = new URLSearchParams({ ...(year ? { year: String(year) } : {}), ...outcome }).toString();
  return query ? `/admin/calendar?${query}` : "/admin/calendar";
}

/** Adds a day or changes one, then shows the year it is in; a refusal comes back with what was typed. */
export const setCalendarDayAction = defineAction({
  route: "/admin/calendar",
  name: "setCalendarDayAction",
  state: true,
  input: ZPosted,
  async run({ actor, db, input: values }): Promise<TCalendarDayFormState> {
    const result = await setCalendarDay({ db, actor, ...values });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
    revalidatePath("/admin/calendar");
    redirect(calendarPage([result.day.date], { saved: result.day.date }));
  },
});

/** The remove button of a table row: a plain form post that comes back to the year with what happened. */
export const removeCalendarDayAction = defineAction({
  route: "/admin/calendar",
  name: "removeCalendarDayAction",
  input: ZRemove,
  back: "/admin/calendar",
  async run({ actor, db, input: { date, year } }) {
    const result = await removeCalendarDay({ db, actor, date });
    if (!result.ok) redirect(calendarPage([year], { error: result.code }));
    revalidatePath("/admin/calendar");
    redirect(calendarPage([result.date], { removed: result.date }));
  },
});
