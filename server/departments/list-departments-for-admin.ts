/** Every department, retired ones too, with its active staff and open tasks: the admin's list. */
import { asc, count, inArray, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, tasks, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { openTaskStatuses } from "./find-department";

export async function listDepartmentsForAdmin({ db, actor }: { db: TDatabase; actor: TActor }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  const [rows, staff, open] = await Promise.all([
    db
      .select({ id: departments.id, code: departments.code, name: departments.name, phone: departments.phone, retiredAt: departments.retiredAt })
      .from(departments)
      .orderBy(asc(departments.code)),
    db.select({ departmentId: users.departmentId, value: count() }).from(users).where(isNull(users.disabledAt)).groupBy(users.departmentId),
    db.select({ departmentId: tasks.departmentId, value: count() }).from(tasks).where(inArray(tasks.status, openTaskStatuses)).groupBy(tasks.departmentId),
  ]);
  const countOf = (list: { departmentId: string | null; value: number }[], id: string) => Number(list.find((row) => row.departmentId === id)?.value ?? 0);
  return {
    ok: true as const,
    departments: rows.map((row) => ({ ...row, activeStaff: countOf(staff, row.id), openTasks: countOf(open, row.id) })),
  };
}
