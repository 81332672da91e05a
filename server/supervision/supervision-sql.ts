/**
 * SQL pieces shared by the supervision figures (compute-supervision-figures.ts, list-volume-series.ts): the Beijing
 * calendar day of an instant, a range's bounds as instants, and the working-day ordinals of the calendar.
 *
 * Working days in SQL (docs/decisions/029-supervision-figures-in-sql-with-working-day-ordinals.md): `working_days` numbers each date from
 * `lower` to `upper` with the count of working days up to it (weekends off, calendar_days' holidays off and make-up
 * days on — the rule of lib/calendar/working-days.ts isWorkingDay). Then countWorkingDays(a, b), the working days in
 * (a, b], is ordinal(b) − ordinal(a): a join on a date instead of a loop. The series is a few thousand rows at most,
 * built per query from the table the admin edits, so a changed holiday counts at once and nothing is stored.
 */
import { sql, type SQL } from "drizzle-orm";
import type { TReportRange } from "@/lib/supervision/report-range";

/** Beijing time: deadlines, like lib/calendar/working-days.ts toIsoDate, run on it whatever the server's zone. */
export const dayOf = (instant: SQL) => sql`((${instant}) at time zone 'Asia/Shanghai')::date`;

/** The first instant of the range and the first instant after it, in Beijing time (index-friendly constants). */
export const rangeStart = (range: TReportRange) => sql`(${range.from}::date::timestamp at time zone 'Asia/Shanghai')`;
export const rangeEnd = (range: TReportRange) => sql`((${range.to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;

/** `working_days(day, working, ordinal)` for every date from `lower` to `upper` (SQL date expressions). */
export const workingDaysCte = (lower: SQL, upper: SQL) => sql`working_days as (
  select series.day, series.working,
    sum(case when series.working then 1 else 0 end) over (order by series.day)::int as ordinal
  from (
    select d::date as day,
      case calendar_days.kind when 'workday' then true when 'holiday' then false else extract(isodow from d) < 6 end as working
    from generate_series(${lower}, ${upper}, interval '1 day') as d
    left join calendar_days on calendar_days.date = d::date
  ) as series
)`;
