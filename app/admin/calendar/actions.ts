"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { actorForAction } from "@/server/auth/require-actor";
import { isCalendarYear, type TCalendarDayField, type TCalendarDayInput } from "@/server/calendar/calendar-day-input";
import { removeCalendarDay } from "@/server/calendar/remove-calendar-day";
import { setCalendarDay } from "@/server/calendar/set-calendar-day";
import type { TErrorCode } from "@/server/errors";

export type TCalendarDayFormState = {
  error?: TErrorCode;
  /** Each field's problem, shown next to it. */
  fields?: Partial<Record<TCalendarDayField, TErrorCode>>;
  /** What the admin posted, shown again. */
  values?: TCalendarDayInput;
};

// Only the shape here (a missing or non-text field reads as empty): what a day may be is the use case's to decide.
const ZText = z.string().catch("");
const ZPosted = z.object({ date: ZText, kind: ZText, name: ZText });
const ZRemove = z.object({ date: ZText, year: ZText });

/** Back to the page of the first of `years` (a date or a year) that names a calendar year, with what happened. */
function calendarPage(years: string[], outcome: Record<string, string> = {}) {
  const year = years.map((candidate) => Number(candidate.slice(0, 4))).find(isCalendarYear);
  const query = new URLSearchParams({ ...(year ? { year: String(year) } : {}), ...outcome }).toString();
  return query ? `/admin/calendar?${query}` : "/admin/calendar";
}

/** Adds a day or changes one, then shows the year it is in; a refusal comes back with what was typed. */
export async function setCalendarDayAction(_state: TCalendarDayFormState, formData: FormData): Promise<TCalendarDayFormState> {
  formData = actionForm(formData);
  const values = ZPosted.parse(Object.fromEntries(formData));
  const actor = await actorForAction("/admin/calendar", "setCalendarDayAction");
  if (!actor) return { error: "unauthorized:session", values };
  const result = await setCalendarDay({ db: getDb(), actor, ...values });
  if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined, values };
  revalidatePath("/admin/calendar");
  redirect(calendarPage([result.day.date], { saved: result.day.date }));
}

/** The remove button of a table row: a plain form post that comes back to the year with what happened. */
export async function removeCalendarDayAction(formData: FormData) {
  formData = actionForm(formData);
  const { date, year } = ZRemove.parse(Object.fromEntries(formData));
  const actor = await actorForAction("/admin/calendar", "removeCalendarDayAction");
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(calendarPage([year]))}`);
  const result = await removeCalendarDay({ db: getDb(), actor, date });
  if (!result.ok) redirect(calendarPage([year], { error: result.code }));
  revalidatePath("/admin/calendar");
  redirect(calendarPage([result.date], { removed: result.date }));
}
