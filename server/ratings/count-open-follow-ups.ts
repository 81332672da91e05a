/** How many follow-ups of a clerk's department wait for an answer, for the link on the desk. */
import { and, count, eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { ratingFollowUps } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { clerkDepartmentOf } from "@/server/workflow/lock-department-task";

export async function countOpenFollowUps({ db, actor }: { db: TDatabase; actor: TActor }): Promise<number> {
  const clerk = clerkDepartmentOf(actor);
  if (!clerk.ok) return 0;
  const { departmentId } = clerk;
  const [row] = await db
    .select({ count: count() })
    .from(ratingFollowUps)
    .where(and(eq(ratingFollowUps.departmentId, departmentId), eq(ratingFollowUps.status, "open")));
  return row?.count ?? 0;
}
