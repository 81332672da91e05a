/**
 * The supervision figures that belong to a day, counted per day, per department or service, and per the tasks'
 * department, over a span of days — by one SQL query over indexed columns. The definitions are those of
 * compute-supervision-figures.ts (its header lists them); each fact is counted on its own day:
 * - received on the day the task's clock started (ready_on); concluded, approved, refused, rejected, withdrawn, on
 *   time, supplemented and the handling times on the day of the decision; extensions on the day one was approved;
 * - ratings on the day they were given, for each department (or service) with a task of the case that reached its
 *   queue; urgings sent on the day they were sent, answered late on the day they were answered;
 * - a red card on the day after the due date, a yellow one on the first day of the warning window, counted only up to
 *   `cardsUntil` (a card is raised at the start of its day, so one raised after today does not exist yet).
 * Handling times come as a histogram (working days → tasks), so that the days of a range add up to its average and
 * its 90th percentile. What is "now" rather than of a day (overdue now, open follow-ups, open urgings) is not here.
 *
 * The same query fills figure_days for closed days (count-figure-days.ts) and counts the days not yet closed live.
 */
import { sql, type SQL } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { addDays } from "@/lib/calendar/working-days";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import { dayOf, workingDaysCte } from "./supervision-sql";

export type TFigureGroup = "department" | "service";

/** One key's facts on one day; every count 0 or more, `handling_days` maps working days (as text) to tasks. */
export type TFigureDay = {
  day: string;
  key: string;
  department_id: string;
  received: number;
  concluded: number;
  approved: number;
  refused: number;
  rejected: number;
  withdrawn: number;
  on_time: number;
  handling_days: Record<string, number>;
  supplemented: number;
  extensions: number;
  ratings: number;
  rating_total: number;
  dissatisfied: number;
  satisfied: number;
  yellow_cards: number;
  red_cards: number;
  urgings_sent: number;
  urgings_answered_late: number;
};

export const figureDayColumns = [
  "received", "concluded", "approved", "refused", "rejected", "withdrawn", "on_time", "supplemented", "extensions", "ratings",
  "rating_total", "dissatisfied", "satisfied", "yellow_cards", "red_cards", "urgings_sent", "urgings_answered_late",
] as const;

const running = sql.raw(clockRunningStatuses.map((status) => `'${status}'`).join(", "));

/** The first instant of a day and the first after another, in Beijing time (index-friendly constants). */
const dayStart = (day: string) => sql`(${day}::date::timestamp at time zone 'Asia/Shanghai')`;
const dayAfter = (day: string) => sql`((${day}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;

/**
 * The SELECT of every key's facts for each day from `from` to `to` (both included), cards up to `cardsUntil` (no
 * card when it is before `from`), for one department (`departmentId`) or all.
 */
export function figureDayFactsSql({ from, to, cardsUntil, group, departmentId }: { from: string; to: string; cardsUntil: string; group: TFigureGroup; departmentId: string | null }): SQL {
  const scope = departmentId ? sql`and t.department_id = ${departmentId}` : sql``;
  const key = group === "department" ? sql`t.department_id` : sql`t.service_id`;
  const [start, end] = [dayStart(from), dayAfter(to)];
  const [fromDay, toDay, cardsDay] = [sql`${from}::date`, sql`${to}::date`, sql`${cardsUntil}::date`];
  const ended = sql`('approved', 'refused', 'rejected', 'withdrawn')`;
  const lower = sql`least(${addDays(from, -40)}::date, (select min(t.ready_on) from tasks t where t.decided_at >= ${start} and t.decided_at < ${end}))`;
  const upper = sql`${addDays(to, 40)}::date`;
  const urgingWindow = sql`((u.sent_at >= ${start} and u.sent_at < ${end}) or (u.answered_at >= ${start} and u.answered_at < ${end}))`;
  return sql`
    with ${workingDaysCte(lower, upper)},
    received as (
      select ${key} as key, t.department_id, t.ready_on as day, count(*)::int as received from tasks t
      where t.ready_on between ${fromDay} and ${toDay} ${scope} group by 1, 2, 3
    ),
    ended as (
      select t.id, ${key} as key, t.department_id, t.status, ${dayOf(sql`t.decided_at`)} as decided_on, t.due_date, t.ready_on from tasks t
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
      select key, department_id, decided_on as day, count(*)::int as concluded,
        count(*) filter (where status = 'approved')::int as approved,
        count(*) filter (where status = 'refused')::int as refused,
        count(*) filter (where status = 'rejected')::int as rejected,
        count(*) filter (where decided_on <= due_date)::int as on_time,
        count(*) filter (where supplemented)::int as supplemented
      from handled group by 1, 2, 3
    ),
    handling as (
      select key, department_id, day, jsonb_object_agg(handling_days::text, tasks) as handling_days from (
        select key, department_id, decided_on as day, handling_days, count(*)::int as tasks from handled group by 1, 2, 3, 4
      ) as per_days group by 1, 2, 3
    ),
    withdrawn as (select key, department_id, decided_on as day, count(*)::int as withdrawn from ended where status = 'withdrawn' group by 1, 2, 3),
    extensions as (
      select ${key} as key, t.department_id, ${dayOf(sql`t.extension_decided_at`)} as day, count(*)::int as extensions from tasks t
      where t.extension_status = 'approved' and t.extension_decided_at >= ${start} and t.extension_decided_at < ${end} ${scope} group by 1, 2, 3
    ),
    rated as (
      select distinct ${key} as key, t.department_id, r.id, r.overall, ${dayOf(sql`r.created_at`)} as day from ratings r
      join tasks t on t.case_id = r.case_id and t.ready_on is not null ${scope}
      where r.created_at >= ${start} and r.created_at < ${end}
    ),
    rating_figures as (
      select key, department_id, day, count(*)::int as ratings, sum(overall)::int as rating_total,
        count(*) filter (where overall <= 2)::int as dissatisfied, count(*) filter (where overall >= 4)::int as satisfied
      from rated group by 1, 2, 3
    ),
    cards as (
      select key, department_id, day, count(*) filter (where yellow)::int as yellow_cards, count(*) filter (where not yellow)::int as red_cards from (
        select ${key} as key, t.department_id, t.due_date + 1 as day, false as yellow from tasks t
        where t.due_date between ${fromDay} - 1 and ${cardsDay} - 1 and t.ready_on is not null ${scope}
          and (t.status in (${running}) or (t.status in ${ended} and ${dayOf(sql`t.decided_at`)} > t.due_date))
        union all
        select ${key} as key, t.department_id, warning.day, true as yellow from tasks t
        join working_days due on due.day = t.due_date
        left join working_days before_due on before_due.working and before_due.ordinal = due.ordinal - 2
        cross join lateral (select greatest(t.ready_on + 1, before_due.day) as day) as warning
        where t.due_date between ${fromDay} and ${cardsDay} + 20 and t.ready_on is not null ${scope}
          and warning.day between ${fromDay} and ${cardsDay} and warning.day <= t.due_date
          and (t.status in (${running}) or (t.status in ${ended} and ${dayOf(sql`t.decided_at`)} >= warning.day))
      ) as raised group by 1, 2, 3
    ),
    urged as (
      select ${key} as key, t.department_id, u.id, u.sent_at, u.answered_at, u.deadline from urgings u join tasks t on t.id = u.task_id
      where ${urgingWindow} ${scope}
      union
      select ${key} as key, t.department_id, u.id, u.sent_at, u.answered_at, u.deadline from urgings u
      join tasks t on t.case_id = u.case_id and t.department_id = u.department_id
      where u.follow_up_id is not null and ${urgingWindow} ${scope}
    ),
    urgings_sent as (
      select key, department_id, ${dayOf(sql`sent_at`)} as day, count(*)::int as urgings_sent from urged
      where sent_at >= ${start} and sent_at < ${end} group by 1, 2, 3
    ),
    urgings_late as (
      select key, department_id, ${dayOf(sql`answered_at`)} as day, count(*)::int as urgings_answered_late from urged
      where answered_at >= ${start} and answered_at < ${end} and ${dayOf(sql`answered_at`)} > deadline group by 1, 2, 3
    ),
    keys as (
      select key, department_id, day from received union select key, department_id, day from concluded
      union select key, department_id, day from withdrawn union select key, department_id, day from extensions
      union select key, department_id, day from rating_figures union select key, department_id, day from cards
      union select key, department_id, day from urgings_sent union select key, department_id, day from urgings_late
    )
    select to_char(k.day, 'YYYY-MM-DD') as day, k.key, k.department_id,
      coalesce(received.received, 0) as received, coalesce(concluded.concluded, 0) as concluded,
      coalesce(concluded.approved, 0) as approved, coalesce(concluded.refused, 0) as refused,
      coalesce(concluded.rejected, 0) as rejected, coalesce(withdrawn.withdrawn, 0) as withdrawn,
      coalesce(concluded.on_time, 0) as on_time, coalesce(handling.handling_days, '{}'::jsonb) as handling_days,
      coalesce(concluded.supplemented, 0) as supplemented, coalesce(extensions.extensions, 0) as extensions,
      coalesce(rating_figures.ratings, 0) as ratings, coalesce(rating_figures.rating_total, 0) as rating_total,
      coalesce(rating_figures.dissatisfied, 0) as dissatisfied, coalesce(rating_figures.satisfied, 0) as satisfied,
      coalesce(cards.yellow_cards, 0) as yellow_cards, coalesce(cards.red_cards, 0) as red_cards,
      coalesce(urgings_sent.urgings_sent, 0) as urgings_sent, coalesce(urgings_late.urgings_answered_late, 0) as urgings_answered_late
    from keys k
    left join received using (key, department_id, day) left join concluded using (key, department_id, day)
    left join handling using (key, department_id, day) left join withdrawn using (key, department_id, day)
    left join extensions using (key, department_id, day) left join rating_figures using (key, department_id, day)
    left join cards using (key, department_id, day) left join urgings_sent using (key, department_id, day)
    left join urgings_late using (key, department_id, day)
  `;
}

/** The facts of the days from `from` to `to`, counted now from the tasks (for days not yet closed). */
export async function countFigureDaysLive({ db, ...span }: { db: TDatabase; from: string; to: string; cardsUntil: string; group: TFigureGroup; departmentId: string | null }) {
  if (span.from > span.to) return [];
  return executeRows<TFigureDay>(db, figureDayFactsSql(span));
}

/** One day's ratings for one grouping and key ("all" and "", a department's id, "<subject type>:<code>"). */
export type TRatingDay = {
  day: string;
  grouping: "all" | "department" | "subject";
  key: string;
  ratings: number;
  overall_total: number;
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  level5: number;
  efficiency_total: number;
  guide_accuracy_total: number;
  convenience_total: number;
};

export const ratingDayColumns = ["ratings", "overall_total", "level1", "level2", "level3", "level4", "level5", "efficiency_total", "guide_accuracy_total", "convenience_total"] as const;

/**
 * The SELECT of the ratings given each day from `from` to `to`: all of them, per department that handled the case (a
 * task of it reached the department's queue — as the follow-ups of a bad rating go to exactly those), and per
 * service or bundle applied for. The definitions of server/ratings/aggregate-ratings.ts.
 */
export function ratingDayFactsSql({ from, to }: { from: string; to: string }): SQL {
  const [start, end] = [dayStart(from), dayAfter(to)];
  const sums = sql`count(*)::int as ratings, sum(r.overall)::int as overall_total,
    (count(*) filter (where r.overall = 1))::int as level1, (count(*) filter (where r.overall = 2))::int as level2,
    (count(*) filter (where r.overall = 3))::int as level3, (count(*) filter (where r.overall = 4))::int as level4,
    (count(*) filter (where r.overall = 5))::int as level5, sum(r.efficiency)::int as efficiency_total,
    sum(r.guide_accuracy)::int as guide_accuracy_total, sum(r.convenience)::int as convenience_total`;
  const day = sql`to_char(${dayOf(sql`r.created_at`)}, 'YYYY-MM-DD')`;
  const given = sql`r.created_at >= ${start} and r.created_at < ${end}`;
  return sql`
    select ${day} as day, 'all' as grouping, '' as key, ${sums} from ratings r where ${given} group by 1
    union all
    select ${day} as day, 'department' as grouping, handled.department_id::text as key, ${sums} from ratings r
    join lateral (select distinct t.department_id from tasks t where t.case_id = r.case_id and t.ready_on is not null) as handled on true
    where ${given} group by 1, 3
    union all
    select ${day} as day, 'subject' as grouping, c.subject_type || ':' || c.subject_code as key, ${sums} from ratings r
    join cases c on c.id = r.case_id
    where ${given} group by 1, 3
  `;
}
