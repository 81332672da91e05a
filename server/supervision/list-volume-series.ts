/**
 * The dashboard's volumes over time: per week (Monday first) or per month of the range, the tasks received (ready),
 * concluded (approved, refused or rejected) and the on-time rate of those concluded — the definitions of
 * compute-supervision-figures.ts, read from the same day rows (count-figure-days.ts) and added up per period instead
 * of per department. Every period of the range has a row, so the chart and the table show the quiet weeks too.
 */
import type { TDatabase } from "@/db/client";
import { addDays } from "@/lib/calendar/working-days";
import type { TReportRange } from "@/lib/supervision/report-range";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { readFigureDays } from "./count-figure-days";

/** The first day of the week (Monday) or month holding `day` (yyyy-mm-dd). */
function periodStartOf(day: string, period: "week" | "month"): string {
  if (period === "month") return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** `db` may be the reports' read-only connection; closed days not yet counted are counted and stored on `primary`. */
export async function listVolumeSeries({ db, primary = db, actor, range, period, now = new Date() }: { db: TDatabase; primary?: TDatabase; actor: TActor; range: TReportRange; period: "week" | "month"; now?: Date }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  const departmentId = actor.role === "supervisor" && actor.departmentId ? actor.departmentId : null;
  const periods = new Map<string, { received: number; concluded: number; onTime: number }>();
  for (let start = periodStartOf(range.from, period); start <= range.to; start = period === "week" ? addDays(start, 7) : periodStartOf(addDays(start, 32), "month")) {
    periods.set(start, { received: 0, concluded: 0, onTime: 0 });
  }
  for (const day of await readFigureDays({ db, primary, range, group: "department", departmentId, now })) {
    const entry = periods.get(periodStartOf(day.day, period));
    if (!entry) continue;
    entry.received += day.received;
    entry.concluded += day.concluded;
    entry.onTime += day.on_time;
  }
  const rows = [...periods].map(([start, entry]) => ({
    period: start,
    received: entry.received,
    concluded: entry.concluded,
    onTimeRate: entry.concluded > 0 ? entry.onTime / entry.concluded : null,
  }));
  return { ok: true as const, period, rows };
}
export type TVolumePoint = Extract<Awaited<ReturnType<typeof listVolumeSeries>>, { ok: true }>["rows"][number];
