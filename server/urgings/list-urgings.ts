/**
 * The urgings (督办) a supervisor watches: open ones, the soonest deadline first, those past it marked; or answered
 * ones, the latest first, those answered after their deadline marked. A supervisor of one department sees that
 * department's; one of none (电子监察) and admins see all.
 */
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { urgings } from "@/db/schema";
import { toIsoDate } from "@/lib/calendar/working-days";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";
import { selectUrgings } from "./urging-columns";

export const urgingListStates = ["open", "answered"] as const;
export type TUrgingListState = (typeof urgingListStates)[number];

/** Open urgings are all shown up to this; answered ones are history, the latest this many. */
export const URGING_LIST_LIMIT = 200;

export async function listUrgings({ db, actor, state, now = new Date() }: { db: TDatabase; actor: TActor; state: TUrgingListState; now?: Date }) {
  if (actor.role !== "supervisor" && actor.role !== "admin") return fail("forbidden:role");
  const scope = actor.role === "supervisor" && actor.departmentId ? eq(urgings.departmentId, actor.departmentId) : undefined;
  const today = toIsoDate(now);
  const rows =
    state === "open"
      ? await selectUrgings(db).where(and(isNull(urgings.answeredAt), scope)).orderBy(asc(urgings.deadline), asc(urgings.sentAt)).limit(URGING_LIST_LIMIT)
      : await selectUrgings(db).where(and(isNotNull(urgings.answeredAt), scope)).orderBy(desc(urgings.answeredAt), desc(urgings.id)).limit(URGING_LIST_LIMIT);
  // Late: answered after the deadline day, or still open after it.
  return { ok: true as const, today, rows: rows.map((row) => ({ ...row, late: row.answeredAt ? row.answeredLate : row.deadline < today })) };
}
