/**
 * The dashboard's volumes over time: per week (Monday first) or per month of the range, the tasks received (ready),
 * concluded (approved, refused or rejected) and the on-time rate of those concluded — the definitions of
 * compute-supervision-figures.ts, grouped by period instead of department. Every period of the range has a row, so
 * the chart and the table show the quiet weeks too.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import type { TReportRange } from "@/lib/supervision/report-range";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { dayOf, rangeEnd, rangeStart } from "./supervision-sql";

type TSeriesRow = { period: string; received: number; concluded: number; on_time: number };

export async function listVolumeSeries({ db, actor, range, period }: { db: TDatabase; actor: TActor; range: TReportRange; period: "week" | "month" }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  const scope = actor.role === "supervisor" && actor.departmentId ? sql`and t.department_id = ${actor.departmentId}` : sql``;
  const unit = sql.raw(`'${period}'`);
  const [from, to] = [sql`${range.from}::date`, sql`${range.to}::date`];
  const result = await executeRows<TSeriesRow>(db, sql`
    with periods as (
      select p::date as period from generate_series(date_trunc(${unit}, ${from}::timestamp), ${to}::timestamp, ('1 ' || ${unit})::interval) as p
    ),
    received as (
      select date_trunc(${unit}, t.ready_on::timestamp)::date as period, count(*)::int as received from tasks t
      where t.ready_on between ${from} and ${to} ${scope} group by 1
    ),
    concluded as (
      select date_trunc(${unit}, ${dayOf(sql`t.decided_at`)}::timestamp)::date as period, count(*)::int as concluded,
        count(*) filter (where ${dayOf(sql`t.decided_at`)} <= t.due_date)::int as on_time
      from tasks t
      where t.decided_at >= ${rangeStart(range)} and t.decided_at < ${rangeEnd(range)} and t.status in ('approved', 'refused', 'rejected') ${scope}
      group by 1
    )
    select to_char(periods.period, 'YYYY-MM-DD') as period, coalesce(received.received, 0) as received,
      coalesce(concluded.concluded, 0) as concluded, coalesce(concluded.on_time, 0) as on_time
    from periods left join received on received.period = periods.period left join concluded on concluded.period = periods.period
    order by periods.period
  `);
  const rows = result.map((row) => ({
    period: row.period,
    received: row.received,
    concluded: row.concluded,
    onTimeRate: row.concluded > 0 ? row.on_time / row.concluded : null,
  }));
  return { ok: true as const, period, rows };
}
export type TVolumePoint = Extract<Awaited<ReturnType<typeof listVolumeSeries>>, { ok: true }>["rows"][number];
