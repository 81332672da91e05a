/** How many follow-ups of a clerk's department wait for an answer, for the link on the desk. */
import { and, count, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { ratingFollowUps } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";

export async function countOpenFollowUps({ db, actor }: { db: TDatabase; actor: TActor }): Promise<number> {
  if (actor.role !== "clerk" || !actor.departmentId) return 0;
  const [row] = await db
    .select({ count: count() })
    .from(ratingFollowUps)
    .where(and(eq(ratingFollowUps.departmentId, actor.departmentId), eq(ratingFollowUps.status, "open")));
  return row?.count ?? 0;
}
