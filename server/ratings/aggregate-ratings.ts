/**
 * The public statistics of 好差评: for all ratings, each department and each service or bundle applied for — how
 * many, the average level, how many at each level, the sub-ratings' averages and the share of good ratings (4–5).
 *
 * A department counts a rating when it handled the case (its task reached its queue), as the follow-ups of a bad
 * rating go to exactly those departments. A service counts the ratings of the cases that applied for it: a bundle's
 * applicant rated the bundle as one application, so it is a row of its own. Comments are not published.
 */
import { asc, count, eq, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { TDatabase } from "@/db/client";
import { cases, departments, ratings, tasks, type TApplySubjectType } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { ratingLevels, type TRatingLevel } from "@/lib/ratings/levels";
import { caseSubjectName } from "./case-subject-name";

export type TRatingAggregate = {
  count: number;
  /** Null while nothing is rated. */
  average: number | null;
  distribution: Record<TRatingLevel, number>;
  subAverages: { efficiency: number | null; guideAccuracy: number | null; convenience: number | null };
  /** Share of 4s and 5s, between 0 and 1; null while nothing is rated. */
  goodShare: number | null;
};

const average = (column: AnyPgColumn) => sql<number | null>`avg(${column})::float8`;
const columns = {
  count: count(),
  average: average(ratings.overall),
  level5: sql<number>`(count(*) filter (where ${ratings.overall} = 5))::int`,
  level4: sql<number>`(count(*) filter (where ${ratings.overall} = 4))::int`,
  level3: sql<number>`(count(*) filter (where ${ratings.overall} = 3))::int`,
  level2: sql<number>`(count(*) filter (where ${ratings.overall} = 2))::int`,
  level1: sql<number>`(count(*) filter (where ${ratings.overall} = 1))::int`,
  efficiency: average(ratings.efficiency),
  guideAccuracy: average(ratings.guideAccuracy),
  convenience: average(ratings.convenience),
};
type TRow = { [key in keyof typeof columns]: (typeof columns)[key]["_"]["type"] };

function toAggregate(row: TRow): TRatingAggregate {
  const distribution = Object.fromEntries(ratingLevels.map((level) => [level, Number(row[`level${level}`])])) as Record<TRatingLevel, number>;
  const total = Number(row.count);
  return {
    count: total,
    average: total > 0 ? Number(row.average) : null,
    distribution,
    subAverages: {
      efficiency: total > 0 ? Number(row.efficiency) : null,
      guideAccuracy: total > 0 ? Number(row.guideAccuracy) : null,
      convenience: total > 0 ? Number(row.convenience) : null,
    },
    goodShare: total > 0 ? (distribution[5] + distribution[4]) / total : null,
  };
}

export type TRatingStatistics = {
  all: TRatingAggregate;
  departments: ({ code: string; name: TLocalizedText } & TRatingAggregate)[];
  subjects: ({ subjectType: TApplySubjectType; code: string; name: TLocalizedText } & TRatingAggregate)[];
};

export async function aggregateRatings({ db }: { db: TDatabase }): Promise<TRatingStatistics> {
  const [all] = await db.select(columns).from(ratings);
  const byDepartment = await db
    .select({ code: departments.code, name: departments.name, ...columns })
    .from(ratings)
    .innerJoin(
      departments,
      sql`exists (select 1 from ${tasks} where ${tasks.caseId} = ${ratings.caseId} and ${tasks.departmentId} = ${departments.id} and ${tasks.readyOn} is not null)`,
    )
    .groupBy(departments.id)
    .orderBy(asc(departments.code));
  const bySubject = await db
    .select({ subjectType: cases.subjectType, code: cases.subjectCode, name: caseSubjectName(), ...columns })
    .from(ratings)
    .innerJoin(cases, eq(cases.id, ratings.caseId))
    .groupBy(cases.subjectType, cases.subjectCode)
    .orderBy(asc(cases.subjectType), asc(cases.subjectCode));
  return {
    all: toAggregate(all),
    departments: byDepartment.map(({ code, name, ...row }) => ({ code, name, ...toAggregate(row) })),
    subjects: bySubject.map(({ subjectType, code, name, ...row }) => ({ subjectType, code, name, ...toAggregate(row) })),
  };
}
