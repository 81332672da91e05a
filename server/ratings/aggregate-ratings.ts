/**
 * The public statistics of 好差评: for all ratings, each department and each service or bundle applied for — how
 * many, the average level, how many at each level, the sub-ratings' averages and the share of good ratings (4–5).
 *
 * A department counts a rating when it handled the case (its task reached its queue), as the follow-ups of a bad
 * rating go to exactly those departments. A service counts the ratings of the cases that applied for it: a bundle's
 * applicant rated the bundle as one application, so it is a row of its own. Comments are not published.
 *
 * Read from the ratings of each closed day (rating_days, kept with the supervision figures' days: decision 040) and
 * today's counted live, so all time costs a few thousand day rows, not every rating joined to its tasks.
 */
import { inArray, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { bundles, departments, services, type TApplySubjectType } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import { readRatingTotals } from "@/server/supervision/count-figure-days";
import { ratingDayColumns } from "@/server/supervision/figure-day-facts";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ratingLevels, type TRatingLevel } from "@/lib/ratings/levels";

export type TRatingAggregate = {
  count: number;
  /** Null while nothing is rated. */
  average: number | null;
  distribution: Record<TRatingLevel, number>;
  subAverages: { efficiency: number | null; guideAccuracy: number | null; convenience: number | null };
  /** Share of 4s and 5s, between 0 and 1; null while nothing is rated. */
  goodShare: number | null;
};

type TSums = Record<(typeof ratingDayColumns)[number], number>;

const emptySums = (): TSums => Object.fromEntries(ratingDayColumns.map((column) => [column, 0])) as TSums;

function toAggregate(sums: TSums): TRatingAggregate {
  const total = sums.ratings;
  const distribution = Object.fromEntries(ratingLevels.map((level) => [level, sums[`level${level}`]])) as Record<TRatingLevel, number>;
  const per = (value: number) => (total > 0 ? value / total : null);
  return {
    count: total,
    average: per(sums.overall_total),
    distribution,
    subAverages: { efficiency: per(sums.efficiency_total), guideAccuracy: per(sums.guide_accuracy_total), convenience: per(sums.convenience_total) },
    goodShare: total > 0 ? (distribution[5] + distribution[4]) / total : null,
  };
}

export type TRatingStatistics = {
  all: TRatingAggregate;
  departments: ({ code: string; name: TLocalizedText } & TRatingAggregate)[];
  subjects: ({ subjectType: TApplySubjectType; code: string; name: TLocalizedText } & TRatingAggregate)[];
};

/** `db` may be the reports' read-only connection; closed days not yet counted are counted and stored on `primary`. */
export async function aggregateRatings({ db, primary = db, now = new Date() }: { db: TDatabase; primary?: TDatabase; now?: Date }): Promise<TRatingStatistics> {
  // The first and last days anyone rated (the index on created_at: two look-ups).
  const [span] = await executeRows<{ first: string | null; last: string | null }>(
    db,
    sql`select to_char((min(created_at) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as first,
      to_char((max(created_at) at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as last from ratings`,
  );
  const sums = new Map<string, TSums>();
  if (span?.first && span.last) {
    const today = toIsoDate(now);
    for (const row of await readRatingTotals({ db, primary, from: span.first, to: span.last > today ? span.last : today, now })) {
      const id = `${row.grouping}\u0000${row.key}`;
      const entry = sums.get(id) ?? emptySums();
      for (const column of ratingDayColumns) entry[column] += row[column];
      sums.set(id, entry);
    }
  }
  const keysOf = (grouping: string) => [...sums.keys()].filter((id) => id.startsWith(`${grouping}\u0000`)).map((id) => id.slice(grouping.length + 1));
  const departmentIds = keysOf("department");
  const departmentRows = departmentIds.length ? await db.select({ id: departments.id, code: departments.code, name: departments.name }).from(departments).where(inArray(departments.id, departmentIds)) : [];
  const subjectKeys = keysOf("subject").map((key) => ({ key, subjectType: key.slice(0, key.indexOf(":")) as TApplySubjectType, code: key.slice(key.indexOf(":") + 1) }));
  const serviceCodes = subjectKeys.filter((subject) => subject.subjectType === "service").map((subject) => subject.code);
  const bundleCodes = subjectKeys.filter((subject) => subject.subjectType !== "service").map((subject) => subject.code);
  const names = new Map<string, TLocalizedText>([
    ...(serviceCodes.length ? await db.select({ code: services.code, name: services.name }).from(services).where(inArray(services.code, serviceCodes)) : []).map((row) => [`service:${row.code}`, row.name] as const),
    ...(bundleCodes.length ? await db.select({ code: bundles.code, name: bundles.name }).from(bundles).where(inArray(bundles.code, bundleCodes)) : []).map((row) => [`bundle:${row.code}`, row.name] as const),
  ]);
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    all: toAggregate(sums.get("all\u0000") ?? emptySums()),
    departments: departmentRows
      .map((row) => ({ code: row.code, name: row.name, ...toAggregate(sums.get(`department\u0000${row.id}`) ?? emptySums()) }))
      .sort((a, b) => byText(a.code, b.code)),
    // A subject whose service or bundle is no longer in the catalogue has no name to publish: left out.
    subjects: subjectKeys
      .flatMap(({ key, subjectType, code }) => {
        const name = names.get(`${subjectType === "service" ? "service" : "bundle"}:${code}`);
        return name ? [{ subjectType, code, name, ...toAggregate(sums.get(`subject\u0000${key}`) ?? emptySums()) }] : [];
      })
      .sort((a, b) => byText(a.subjectType, b.subjectType) || byText(a.code, b.code)),
  };
}
