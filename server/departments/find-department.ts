/** One department for the admin's pages, with what decides whether it may be retired. */
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, tasks, users } from "@/db/schema";
import type { TTaskStatus } from "@/lib/workflow/statuses";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";

/** A task in one of these still needs its department. */
export const openTaskStatuses = ["pending", "waiting", "accepted", "supplement-requested", "supplement-received"] as const satisfies readonly TTaskStatus[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Open tasks and active (not disabled) staff of a department: what stops it being retired. */
export async function countDepartmentWork(db: TDatabase, departmentId: string) {
  const [[open], [staff]] = await Promise.all([
    db.select({ value: count() }).from(tasks).where(and(eq(tasks.departmentId, departmentId), inArray(tasks.status, openTaskStatuses))),
    db.select({ value: count() }).from(users).where(and(eq(users.departmentId, departmentId), isNull(users.disabledAt))),
  ]);
  return { openTasks: Number(open.value), activeStaff: Number(staff.value) };
}

export async function findDepartment({ db, actor, departmentId }: { db: TDatabase; actor: TActor; departmentId: string }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  if (!isUuid(departmentId)) return fail("not-found:department") as TResult<never>;
  const [department] = await db.select().from(departments).where(eq(departments.id, departmentId));
  if (!department) return fail("not-found:department") as TResult<never>;
  return { ok: true as const, department, ...(await countDepartmentWork(db, department.id)) };
}
