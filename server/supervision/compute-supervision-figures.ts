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
import { inArray, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, services } from "@/db/schema";
import { executeRows } from "@/db/execute-rows";
import { toIsoDate } from "@/lib/calendar/working-days";
import { addHistogram, summarizeHistogram, type THandlingHistogram } from "@/lib/supervision/handling-histogram";
import type { TReportRange } from "@/lib/supervision/report-range";
import { clockRunningStatuses } from "@/lib/workflow/task-transitions";
import type { TLocalizedText } from "@/lib/i18n/locales";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { readFigureDays } from "./count-figure-days";
import { figureDayColumns, type TFigureGroup } from "./figure-day-facts";
import { rememberFigures } from "./figures-cache";

export type { TFigureGroup } from "./figure-day-facts";

/** The figures that are "now" whatever the range. */
type TCurrentRow = { key: string; overdue_now: number; open_follow_ups: number; urgings_open: number; urgings_open_late: number };

type TSums = Record<(typeof figureDayColumns)[number], number> & { handling: THandlingHistogram };

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

const running = sql.raw(clockRunningStatuses.map((status) => `'${status}'`).join(", "));

/** `db` may be the reports' read-only connection; closed days not yet counted are counted and stored on `primary`. */
export async function computeSupervisionFigures({ db, primary = db, actor, range, group, now = new Date() }: { db: TDatabase; primary?: TDatabase; actor: TActor; range: TReportRange; group: TFigureGroup; now?: Date }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  // A supervisor of one department watches that department; one of none (电子监察) and admins watch all.
  const departmentId = actor.role === "supervisor" && actor.departmentId ? actor.departmentId : null;
  return { ok: true as const, ...(await queryFigures({ db, primary, range, group, departmentId, now })) };
}
export type TSupervisionFigures = Extract<Awaited<ReturnType<typeof computeSupervisionFigures>>, { ok: true }>["rows"][number];

/**
 * The figures themselves, for one department (`departmentId`) or all (null), with no check of who asks: the
 * supervision dashboard above and the public statistics (server/statistics/compute-public-statistics.ts) both read
 * them here, so a figure has one definition. Callers decide who may see what.
 */
export async function queryFigures({ db, primary = db, range, group, departmentId, now }: { db: TDatabase; primary?: TDatabase; range: TReportRange; group: TFigureGroup; departmentId: string | null; now: Date }) {
  // `now` counts only as its Beijing day.
  const key = JSON.stringify([group, departmentId, range.from, range.to, toIsoDate(now)]);
  return rememberFigures({ db, key, load: () => computeFigures({ db, primary, range, group, departmentId, now }) });
}

async function computeFigures({ db, primary, range, group, departmentId, now }: { db: TDatabase; primary: TDatabase; range: TReportRange; group: TFigureGroup; departmentId: string | null; now: Date }) {
  const today = toIsoDate(now);
  const [days, current] = [await readFigureDays({ db, primary, range, group, departmentId, now }), await readCurrentFigures({ db, group, departmentId, today })];
  const sums = new Map<string, TSums>();
  const sumsOf = (key: string) => {
    let entry = sums.get(key);
    if (!entry) sums.set(key, (entry = { ...(Object.fromEntries(figureDayColumns.map((column) => [column, 0])) as Record<(typeof figureDayColumns)[number], number>), handling: {} }));
    return entry;
  };
  for (const day of days) {
    const entry = sumsOf(day.key);
    for (const column of figureDayColumns) entry[column] += day[column];
    addHistogram(entry.handling, day.handling_days);
  }
  const currentByKey = new Map(current.map((row) => [row.key, row]));
  for (const row of current) sumsOf(row.key);
  const names = await readNames({ db, group, keys: [...sums.keys()] });
  const rows = [...sums]
    .flatMap(([key, sum]) => {
      const name = names.get(key);
      if (!name) return [];
      const atPresent = currentByKey.get(key);
      const handling = summarizeHistogram(sum.handling);
      return [{
        key,
        ...name,
        received: sum.received,
        concluded: sum.concluded,
        approved: sum.approved,
        refused: sum.refused,
        rejected: sum.rejected,
        withdrawn: sum.withdrawn,
        onTimeRate: share(sum.on_time, sum.concluded),
        averageDays: handling.average,
        p90Days: handling.percentile,
        supplementRate: share(sum.supplemented, sum.concluded),
        extensions: sum.extensions,
        overdueNow: atPresent?.overdue_now ?? 0,
        ratings: sum.ratings,
        ratingAverage: sum.ratings > 0 ? sum.rating_total / sum.ratings : null,
        dissatisfiedShare: share(sum.dissatisfied, sum.ratings),
        satisfiedShare: share(sum.satisfied, sum.ratings),
        openFollowUps: atPresent?.open_follow_ups ?? 0,
        yellowCards: sum.yellow_cards,
        redCards: sum.red_cards,
        urgingsSent: sum.urgings_sent,
        urgingsOpen: atPresent?.urgings_open ?? 0,
        urgingsAnsweredLate: sum.urgings_answered_late,
        urgingsOpenLate: atPresent?.urgings_open_late ?? 0,
      }];
    })
    .sort((a, b) => a.departmentCode.localeCompare(b.departmentCode) || (a.serviceCode ?? "").localeCompare(b.serviceCode ?? ""));
  return { today, rows };
}

/** Overdue tasks, open follow-ups and open urgings (and those past their deadline) as of `today`, per key. */
async function readCurrentFigures({ db, group, departmentId, today }: { db: TDatabase; group: TFigureGroup; departmentId: string | null; today: string }) {
  const scope = departmentId ? sql`and t.department_id = ${departmentId}` : sql``;
  const followUpScope = departmentId ? sql`and f.department_id = ${departmentId}` : sql``;
  const key = group === "department" ? sql`t.department_id` : sql`t.service_id`;
  const followUps =
    group === "department"
      ? sql`select f.department_id as key, count(*)::int as open_follow_ups from rating_follow_ups f where f.status = 'open' ${followUpScope} group by 1`
      : sql`select t.service_id as key, count(distinct f.id)::int as open_follow_ups from rating_follow_ups f
            join tasks t on t.case_id = f.case_id and t.department_id = f.department_id
            where f.status = 'open' ${followUpScope} group by 1`;
  return executeRows<TCurrentRow>(db, sql`
    with overdue as (
      select ${key} as key, count(*)::int as overdue_now from tasks t
      where t.status in (${running}) and t.due_date < ${today}::date ${scope} group by 1
    ),
    follow_ups as (${followUps}),
    urged as (
      select ${key} as key, u.id, u.deadline from urgings u join tasks t on t.id = u.task_id where u.answered_at is null ${scope}
      union
      select ${key} as key, u.id, u.deadline from urgings u join tasks t on t.case_id = u.case_id and t.department_id = u.department_id
      where u.follow_up_id is not null and u.answered_at is null ${scope}
    ),
    urging_figures as (
      select key, count(*)::int as urgings_open, count(*) filter (where deadline < ${today}::date)::int as urgings_open_late from urged group by key
    ),
    keys as (select key from overdue union select key from follow_ups union select key from urging_figures)
    select k.key, coalesce(overdue.overdue_now, 0) as overdue_now, coalesce(follow_ups.open_follow_ups, 0) as open_follow_ups,
      coalesce(urging_figures.urgings_open, 0) as urgings_open, coalesce(urging_figures.urgings_open_late, 0) as urgings_open_late
    from keys k left join overdue on overdue.key = k.key left join follow_ups on follow_ups.key = k.key
    left join urging_figures on urging_figures.key = k.key
  `);
}

type TNames = { departmentId: string; departmentCode: string; serviceCode: string | null; departmentName: TLocalizedText; serviceName: TLocalizedText | null };

/** Each key's department (and service) with their codes and names. */
async function readNames({ db, group, keys }: { db: TDatabase; group: TFigureGroup; keys: string[] }): Promise<Map<string, TNames>> {
  if (keys.length === 0) return new Map();
  if (group === "department") {
    const rows = await db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(inArray(departments.id, keys));
    return new Map(rows.map((row) => [row.id, { departmentId: row.id, departmentCode: row.code, serviceCode: null, departmentName: row.name, serviceName: null }]));
  }
  const rows = await db
    .select({ id: services.id, code: services.code, name: services.name, departmentId: departments.id, departmentCode: departments.code, departmentName: departments.name })
    .from(services)
    .innerJoin(departments, sql`${departments.id} = ${services.departmentId}`)
    .where(inArray(services.id, keys));
  return new Map(rows.map((row) => [row.id, { departmentId: row.departmentId, departmentCode: row.departmentCode, serviceCode: row.code, departmentName: row.departmentName, serviceName: row.name }]));
}
