/**
 * A range's figures day by day: closed days (before today, by the database's clock and by the report's `now`) read
 * from figure_days, counted and stored the first time they are asked for; the days after counted live
 * (figure-day-facts.ts). A year's dashboard then reads a year of day rows, not a year of tasks (decision 040).
 *
 * Counting closed days takes an exclusive advisory lock; the triggers that forget a day when a write changes its facts
 * (migration 0026) take it shared, so a day is never marked counted from a snapshot that misses a write committed
 * after it: the writer waits for the count to commit, then forgets the day again.
 */
import { sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { addDays, toIsoDate } from "@/lib/calendar/working-days";
import type { TReportRange } from "@/lib/supervision/report-range";
import { countFigureDaysLive, figureDayColumns, figureDayFactsSql, ratingDayColumns, ratingDayFactsSql, type TFigureDay, type TFigureGroup, type TRatingDay } from "./figure-day-facts";

/** The lock's key: shared by the triggers of migration 0026 (a constant both sides spell the same). */
export const FIGURE_DAYS_LOCK = 720381;

/** Days counted in one statement: a month's tasks at a time keeps each statement short at a million cases. */
const daysPerStatement = 31;

const groups: TFigureGroup[] = ["department", "service"];

/** Counts and stores the closed days from `from` to `to` that are not yet counted; true when there were any. */
async function countClosedDays({ db, from, to }: { db: TDatabase; from: string; to: string }): Promise<boolean> {
  if (from > to) return false;
  const missing = async (tx: TDatabase) =>
    (
      await executeRows<{ day: string }>(
        tx,
        sql`select to_char(d, 'YYYY-MM-DD') as day from generate_series(${from}::date, ${to}::date, interval '1 day') as d
          where not exists (select 1 from figure_days_done done where done.day = d::date) order by 1`,
      )
    ).map((row) => row.day);
  if ((await missing(db)).length === 0) return false;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIGURE_DAYS_LOCK})`);
    // Another request may have counted them while this one waited.
    const days = await missing(tx);
    for (const span of spansOf(days)) {
      await tx.execute(sql`delete from figure_days where day between ${span.from}::date and ${span.to}::date`);
      await tx.execute(sql`delete from rating_days where day between ${span.from}::date and ${span.to}::date`);
      await tx.execute(sql`
        insert into rating_days (day, grouping, key, ${sql.raw(ratingDayColumns.join(", "))})
        select facts.day::date, facts.grouping, facts.key, ${sql.raw(ratingDayColumns.map((column) => `facts.${column}`).join(", "))}
        from (${ratingDayFactsSql(span)}) as facts`);
      for (const group of groups) {
        const facts = figureDayFactsSql({ ...span, cardsUntil: span.to, group, departmentId: null });
        await tx.execute(sql`
          insert into figure_days (day, grouping, key, department_id, handling_days, ${sql.raw(figureDayColumns.join(", "))})
          select facts.day::date, ${group}, facts.key, facts.department_id, facts.handling_days, ${sql.raw(figureDayColumns.map((column) => `facts.${column}`).join(", "))}
          from (${facts}) as facts`);
      }
      await tx.execute(sql`insert into figure_days_done (day) select d::date from generate_series(${span.from}::date, ${span.to}::date, interval '1 day') as d on conflict do nothing`);
    }
  });
  return true;
}

/** The last closed day: the day before today, by the database's clock and by the report's `now`, whichever is earlier. */
async function closedUntilOf(db: TDatabase, now: Date): Promise<string> {
  const [{ today: databaseToday }] = await executeRows<{ today: string }>(db, sql`select to_char((now() at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as today`);
  const reportToday = toIsoDate(now);
  return addDays(databaseToday < reportToday ? databaseToday : reportToday, -1);
}

/** Runs of consecutive days, none longer than daysPerStatement. */
function spansOf(days: string[]): { from: string; to: string }[] {
  const spans: { from: string; to: string }[] = [];
  for (const day of days) {
    const last = spans.at(-1);
    if (last && addDays(last.to, 1) === day && addDays(last.from, daysPerStatement - 1) > last.to) last.to = day;
    else spans.push({ from: day, to: day });
  }
  return spans;
}

/**
 * Every key's facts on each day of `range`: stored for closed days, live for the rest; cards only up to the day of
 * `now`. For one department (`departmentId`) or all.
 */
export async function readFigureDays({ db, primary = db, range, group, departmentId, now }: { db: TDatabase; primary?: TDatabase; range: TReportRange; group: TFigureGroup; departmentId: string | null; now: Date }): Promise<TFigureDay[]> {
  const reportToday = toIsoDate(now);
  const closedUntil = await closedUntilOf(db, now);
  const closedTo = range.to < closedUntil ? range.to : closedUntil;
  // Counted on the primary; read back from it too when this call counted them (a replica may not have them yet).
  const counted = await countClosedDays({ db: primary, from: range.from, to: closedTo });
  const scope = departmentId ? sql`and department_id = ${departmentId}` : sql``;
  const stored = range.from <= closedTo
    ? await executeRows<TFigureDay>(
        counted ? primary : db,
        sql`select to_char(day, 'YYYY-MM-DD') as day, key, department_id, handling_days, ${sql.raw(figureDayColumns.join(", "))}
          from figure_days where grouping = ${group} and day between ${range.from}::date and ${closedTo}::date ${scope}`,
      )
    : [];
  const liveFrom = range.from > closedTo ? range.from : addDays(closedTo, 1);
  const cardsUntil = range.to < reportToday ? range.to : reportToday;
  const live = await countFigureDaysLive({ db, from: liveFrom, to: range.to, cardsUntil, group, departmentId });
  return [...stored, ...live];
}

/**
 * The ratings given from `from` to `to` (the first and the last rating's days), per grouping and key, summed: closed
 * days from rating_days (counted now if they were not), the days after counted live. For /statistics' all-time 好差评.
 */
export async function readRatingTotals({ db, primary = db, from, to, now }: { db: TDatabase; primary?: TDatabase; from: string; to: string; now: Date }): Promise<TRatingDay[]> {
  const closedUntil = await closedUntilOf(db, now);
  const closedTo = to < closedUntil ? to : closedUntil;
  const counted = await countClosedDays({ db: primary, from, to: closedTo });
  const stored =
    from <= closedTo
      ? await executeRows<TRatingDay>(
          counted ? primary : db,
          sql`select '' as day, grouping, key, ${sql.raw(ratingDayColumns.map((column) => `sum(${column})::int as ${column}`).join(", "))}
            from rating_days where day between ${from}::date and ${closedTo}::date group by grouping, key`,
        )
      : [];
  const liveFrom = from > closedTo ? from : addDays(closedTo, 1);
  const live = liveFrom <= to ? await executeRows<TRatingDay>(db, ratingDayFactsSql({ from: liveFrom, to })) : [];
  return [...stored, ...live];
}

