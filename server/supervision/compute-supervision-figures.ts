/**
 * The supervision figures (电子监察) of a date range, per department or per service, computed by one SQL query over
 * indexed columns (never by loading cases into Node). The range is two Beijing calendar dates, both included; "now"
 * figures (overdue, open follow-ups) are as of `now`, whatever the range. Every working-day look-up is a join on the
 * calendar series (hashed once), never a subquery run per task: at 1,000,000 cases per-task subqueries over the
 * series took 38 s for a year of every department (seed:load data).
 *
 * Definitions (also in docs/ARCHITECTURE.md, "Supervision figures"):
 * - received: tasks whose clock started in the range (tasks.ready_on) — the day the task reached the department.
 * - concluded: tasks decided in the range (tasks.decided_at, Beijing day) as approved, refused or rejected (办结);
 *   approved / refused / rejected split it; withdrawn: tasks withdrawn in the range (not concluded).
 * - on-time rate: concluded tasks decided on or before their due date (tasks.due_date, which supplements and an
 *   approved extension have moved) ÷ concluded.
 * - handling time (average, 90th percentile by percentile_cont): working days from ready_on to the decision day,
 *   less the working days the clock stood still for each answered supplement (asked → answered, supplement_requests),
 *   counted with the calendar (supervision-sql.ts) — the clock's own arithmetic (lib/workflow/task-clock.ts).
 * - supplement rate: concluded tasks with at least one supplement request ÷ concluded.
 * - extensions: tasks whose extension was approved in the range (extension_status, extension_decided_at).
 * - overdue now: tasks whose clock runs (waiting, accepted, supplement-received) and whose due date is before today.
 * - ratings: ratings given in the range (ratings.created_at) of cases where the department (or service) had a task
 *   that reached its queue: count, average of `overall`, share dissatisfied (overall 1–2), share satisfied (4–5).
 * - open follow-ups: bad-rating follow-ups of the department (of the service's tasks' cases) still open now.
 * - cards (红黄牌), derived from each task's final or current due date, once per task and colour, counted in the range
 *   that holds the day the card was raised. A card is raised at the start of a day (00:00 Beijing) for a task still
 *   running then: red on the day after the due date (the task is still running now, or was decided after its due
 *   date); yellow on the first day of the warning window (lib/workflow/deadline-state.ts: 2 working days or fewer
 *   left, i.e. the working day two before the due date), or the day after the task arrived if it arrived inside the
 *   window — so work done the day it arrives (an instant approval) gets no card. A task whose clock is stopped for
 *   a supplement gets none until it runs again.
 * - urgings (督办, the urgings table): sent in the range (sent_at); open now (no answer yet); answered late — answered
 *   in the range (answered_at) on a Beijing day after the deadline; open past the deadline now. Per service: the
 *   urged task's service, or for an urged follow-up the services of the department's tasks in the rated case.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import type { TReportRange } from "@/lib/supervision/report-range";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { rememberFigures } from "./figures-cache";
import { dayOf, rangeEnd, rangeStart, workingDaysCte } from "./supervision-sql";

export type TFigureGroup = "department" | "service";

type TFigureRow = {
  key: string;
  department_id: string;
  department_code: string;
  service_code: string | null;
  department_name: TLocalizedText;
  service_name: TLocalizedText | null;
  received: number;
  concluded: number;
  approved: number;
  refused: number;
  rejected: number;
  withdrawn: number;
  on_time: number;
  average_days: number | null;
  p90_days: number | null;
  supplemented: number;
  extensions: number;
  overdue_now: number;
  ratings: number;
  rating_average: number | null;
  dissatisfied: number;
  satisfied: number;
  open_follow_ups: number;
  yellow_cards: number;
  red_cards: number;
  urgings_sent: number;
  urgings_open: number;
  urgings_answered_late: number;
  urgings_open_late: number;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const running = sql.raw(clockRunningStatuses.map((status) => `'${status}'`).join(", "));

export async function computeSupervisionFigures({ db, actor, range, group, now = new Date() }: { db: TDatabase; actor: TActor; range: TReportRange; group: TFigureGroup; now?: Date }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  // A supervisor of one department watches that department; one of none (电子监察) and admins watch all.
  const departmentId = actor.role === "supervisor" && actor.departmentId ? actor.departmentId : null;
  return { ok: true as const, ...(await queryFigures({ db, range, group, departmentId, now })) };
}
export type TSupervisionFigures = Extract<Awaited<ReturnType<typeof computeSupervisionFigures>>, { ok: true }>["rows"][number];

/**
 * The figures themselves, for one department (`departmentId`) or all (null), with no check of who asks: the
 * supervision dashboard above and the public statistics (server/statistics/compute-public-statistics.ts) both read
 * them here, so a figure has one definition. Callers decide who may see what.
 */
export async function queryFigures({ db, range, group, departmentId, now }: { db: TDatabase; range: TReportRange; group: TFigureGroup; departmentId: string | null; now: Date }) {
  // `now` counts only as its Beijing day.
  const key = JSON.stringify([group, departmentId, range.from, range.to, toIsoDate(now)]);
  return rememberFigures({ db, key, load: () => computeFigures({ db, range, group, departmentId, now }) });
}

async function computeFigures({ db, range, group, departmentId, now }: { db: TDatabase; range: TReportRange; group: TFigureGroup; departmentId: string | null; now: Date }) {
  const today = toIsoDate(now);
  const scope = departmentId ? sql`and t.department_id = ${departmentId}` : sql``;
  const followUpScope = departmentId ? sql`and f.department_id = ${departmentId}` : sql``;
  const key = group === "department" ? sql`t.department_id` : sql`t.service_id`;
  const [start, end] = [rangeStart(range), rangeEnd(range)];
  const [from, to] = [sql`${range.from}::date`, sql`${range.to}::date`];
  const cardsUntil = sql`least(${to}, ${today}::date)`;
  const ended = sql`('approved', 'refused', 'rejected', 'withdrawn')`;
  const lower = sql`least(${addDays(range.from, -40)}::date, (select min(t.ready_on) from tasks t where t.decided_at >= ${start} and t.decided_at < ${end}))`;
  const upper = sql`${addDays(range.to, 40)}::date`;
  const followUps =
    group === "department"
      ? sql`select f.department_id as key, count(*)::int as open_follow_ups from rating_follow_ups f where f.status = 'open' ${followUpScope} group by 1`
      : sql`select t.service_id as key, count(distinct f.id)::int as open_follow_ups from rating_follow_ups f
            join tasks t on t.case_id = f.case_id and t.department_id = f.department_id
            where f.status = 'open' ${followUpScope} group by 1`;
  // The urgings a figure can count: sent or answered in the range, or open now.
  const urgingWindow = sql`((u.sent_at >= ${start} and u.sent_at < ${end}) or u.answered_at is null or (u.answered_at >= ${start} and u.answered_at < ${end}))`;
  const names =
    group === "department"
      ? sql`join departments d on d.id = k.key left join (select null::jsonb as name, null::text as code) s on true`
      : sql`join services s on s.id = k.key join departments d on d.id = s.department_id`;
  const result = await executeRows<TFigureRow>(db, sql`
    with ${workingDaysCte(lower, upper)},
    received as (
      select ${key} as key, count(*)::int as received from tasks t where t.ready_on between ${from} and ${to} ${scope} group by 1
    ),
    ended as (
      select t.id, ${key} as key, t.status, ${dayOf(sql`t.decided_at`)} as decided_on, t.due_date, t.ready_on from tasks t
      where t.decided_at >= ${start} and t.decided_at < ${end} and t.status in ${ended} ${scope}
    ),
    stopped as (
      select s.task_id, sum(answered.ordinal - asked.ordinal) filter (where s.answered_at is not null) as stopped_days
      from supplement_requests s
      join ended e on e.id = s.task_id
      left join working_days asked on asked.day = ${dayOf(sql`s.created_at`)}
      left join working_days answered on answered.day = ${dayOf(sql`s.answered_at`)}
      group by s.task_id
    ),
    handled as (
      select e.*, decided.ordinal - ready.ordinal - coalesce(stopped.stopped_days, 0) as handling_days,
        stopped.task_id is not null as supplemented
      from ended e
      join working_days decided on decided.day = e.decided_on
      join working_days ready on ready.day = e.ready_on
      left join stopped on stopped.task_id = e.id
      where e.status <> 'withdrawn'
    ),
    concluded as (
      select key, count(*)::int as concluded,
        count(*) filter (where status = 'approved')::int as approved,
        count(*) filter (where status = 'refused')::int as refused,
        count(*) filter (where status = 'rejected')::int as rejected,
        count(*) filter (where decided_on <= due_date)::int as on_time,
        avg(handling_days)::float8 as average_days,
        percentile_cont(0.9) within group (order by handling_days)::float8 as p90_days,
        count(*) filter (where supplemented)::int as supplemented
      from handled group by key
    ),
    withdrawn as (select key, count(*)::int as withdrawn from ended where status = 'withdrawn' group by key),
    extensions as (
      select ${key} as key, count(*)::int as extensions from tasks t
      where t.extension_status = 'approved' and t.extension_decided_at >= ${start} and t.extension_decided_at < ${end} ${scope} group by 1
    ),
    overdue as (
      select ${key} as key, count(*)::int as overdue_now from tasks t
      where t.status in (${running}) and t.due_date < ${today}::date ${scope} group by 1
    ),
    rated as (
      select distinct ${key} as key, r.id, r.overall from ratings r
      join tasks t on t.case_id = r.case_id and t.ready_on is not null ${scope}
      where r.created_at >= ${start} and r.created_at < ${end}
    ),
    rating_figures as (
      select key, count(*)::int as ratings, avg(overall)::float8 as rating_average, count(*) filter (where overall <= 2)::int as dissatisfied,
        count(*) filter (where overall >= 4)::int as satisfied
      from rated group by key
    ),
    follow_ups as (${followUps}),
    cards as (
      select key, count(*) filter (where yellow)::int as yellow_cards, count(*) filter (where red)::int as red_cards from (
        select ${key} as key,
          t.due_date + 1 between ${from} and ${cardsUntil}
            and (t.status in (${running}) or (t.status in ${ended} and ${dayOf(sql`t.decided_at`)} > t.due_date)) as red,
          warning.day between ${from} and ${cardsUntil} and warning.day <= t.due_date
            and (t.status in (${running}) or (t.status in ${ended} and ${dayOf(sql`t.decided_at`)} >= warning.day)) as yellow
        from tasks t
        join working_days due on due.day = t.due_date
        left join working_days before_due on before_due.working and before_due.ordinal = due.ordinal - 2
        cross join lateral (select greatest(t.ready_on + 1, before_due.day) as day) as warning
        where t.due_date between ${from} - 1 and ${to} + 30 and t.ready_on is not null ${scope}
      ) as marked group by key
    ),
    urged as (
      select ${key} as key, u.id, u.sent_at, u.answered_at, u.deadline from urgings u join tasks t on t.id = u.task_id
      where ${urgingWindow} ${scope}
      union
      select ${key} as key, u.id, u.sent_at, u.answered_at, u.deadline from urgings u
      join tasks t on t.case_id = u.case_id and t.department_id = u.department_id
      where u.follow_up_id is not null and ${urgingWindow} ${scope}
    ),
    urging_figures as (
      select key,
        count(*) filter (where sent_at >= ${start} and sent_at < ${end})::int as urgings_sent,
        count(*) filter (where answered_at is null)::int as urgings_open,
        count(*) filter (where answered_at >= ${start} and answered_at < ${end} and ${dayOf(sql`answered_at`)} > deadline)::int as urgings_answered_late,
        count(*) filter (where answered_at is null and deadline < ${today}::date)::int as urgings_open_late
      from urged group by key
    ),
    keys as (
      select key from received union select key from concluded union select key from withdrawn union select key from extensions
      union select key from overdue union select key from rating_figures union select key from follow_ups union select key from cards
      union select key from urging_figures
    )
    select k.key, d.id as department_id, d.code as department_code, d.name as department_name, s.code as service_code, s.name as service_name,
      coalesce(received.received, 0) as received, coalesce(concluded.concluded, 0) as concluded,
      coalesce(concluded.approved, 0) as approved, coalesce(concluded.refused, 0) as refused,
      coalesce(concluded.rejected, 0) as rejected, coalesce(withdrawn.withdrawn, 0) as withdrawn,
      coalesce(concluded.on_time, 0) as on_time, concluded.average_days, concluded.p90_days,
      coalesce(concluded.supplemented, 0) as supplemented, coalesce(extensions.extensions, 0) as extensions,
      coalesce(overdue.overdue_now, 0) as overdue_now, coalesce(rating_figures.ratings, 0) as ratings,
      rating_figures.rating_average, coalesce(rating_figures.dissatisfied, 0) as dissatisfied,
      coalesce(rating_figures.satisfied, 0) as satisfied,
      coalesce(follow_ups.open_follow_ups, 0) as open_follow_ups,
      coalesce(cards.yellow_cards, 0) as yellow_cards, coalesce(cards.red_cards, 0) as red_cards,
      coalesce(urging_figures.urgings_sent, 0) as urgings_sent, coalesce(urging_figures.urgings_open, 0) as urgings_open,
      coalesce(urging_figures.urgings_answered_late, 0) as urgings_answered_late,
      coalesce(urging_figures.urgings_open_late, 0) as urgings_open_late
    from keys k ${names}
    left join received on received.key = k.key left join concluded on concluded.key = k.key
    left join withdrawn on withdrawn.key = k.key left join extensions on extensions.key = k.key
    left join overdue on overdue.key = k.key left join rating_figures on rating_figures.key = k.key
    left join follow_ups on follow_ups.key = k.key left join cards on cards.key = k.key
    left join urging_figures on urging_figures.key = k.key
    order by d.code${group === "service" ? sql`, s.code` : sql``}
  `);
  const rows = result.map((row) => ({
    key: row.key,
    departmentId: row.department_id,
    departmentCode: row.department_code,
    serviceCode: row.service_code,
    departmentName: row.department_name,
    serviceName: row.service_name,
    received: row.received,
    concluded: row.concluded,
    approved: row.approved,
    refused: row.refused,
    rejected: row.rejected,
    withdrawn: row.withdrawn,
    onTimeRate: share(row.on_time, row.concluded),
    averageDays: row.average_days,
    p90Days: row.p90_days,
    supplementRate: share(row.supplemented, row.concluded),
    extensions: row.extensions,
    overdueNow: row.overdue_now,
    ratings: row.ratings,
    ratingAverage: row.rating_average,
    dissatisfiedShare: share(row.dissatisfied, row.ratings),
    satisfiedShare: share(row.satisfied, row.ratings),
    openFollowUps: row.open_follow_ups,
    yellowCards: row.yellow_cards,
    redCards: row.red_cards,
    urgingsSent: row.urgings_sent,
    urgingsOpen: row.urgings_open,
    urgingsAnsweredLate: row.urgings_answered_late,
    urgingsOpenLate: row.urgings_open_late,
  }));
  return { today, rows };
}
