/**
 * The pieces every staff-account use case shares: finding a staff account (never an applicant's: those come through
 * unified identity and are not the admin's to change), checking a department may take staff, keeping one admin.
 */
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, staffRoles, users, type TUser } from "@/db/schema";
import { fail, RefusalRollback } from "@/server/errors";
import { isUuid } from "@/server/departments/find-department";
import type { TAccountRefusal } from "./staff-input";

/**
 * The staff account `userId`, locked for the change; a refusal (rolled back) when there is none. Every enabled
 * admin's row is locked first, in one order, whatever the change: two admins disabling each other at once are then
 * answered one after the other (the second refused by keepOneAdmin), instead of deadlocking on each other's rows.
 */
/** A staff account: created by an admin, so it has a user name and a password (people recorded at the counter have neither). */
export type TStaffUser = TUser & { username: string; passwordHash: string };

export async function lockStaffAccount(tx: TDatabase, userId: string): Promise<TStaffUser> {
  if (!isUuid(userId)) throw new RefusalRollback(fail("not-found:account"));
  await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.id))
    .for("update");
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, staffRoles)))
    .for("update");
  if (!user || user.username === null || user.passwordHash === null) throw new RefusalRollback(fail("not-found:account"));
  return { ...user, username: user.username, passwordHash: user.passwordHash };
}

/** A department that exists and is not retired may take new staff. */
export async function checkDepartmentTakesStaff(tx: TDatabase, departmentId: string | null): Promise<void> {
  if (!departmentId) return;
  const [department] = await tx.select({ retiredAt: departments.retiredAt }).from(departments).where(eq(departments.id, departmentId)).for("share");
  const code = !department ? "invalid:department-required" : department.retiredAt ? "conflict:department-retired" : null;
  if (code) throw new RefusalRollback({ ok: false, code, fields: { departmentId: code } } as TAccountRefusal);
}

/** Refuses a change that would leave no enabled admin (their rows are locked by lockStaffAccount). */
export async function keepOneAdmin(tx: TDatabase, leaving: TUser): Promise<void> {
  if (leaving.role !== "admin" || leaving.disabledAt) return;
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, leaving.id)));
  if (others.length === 0) throw new RefusalRollback(fail("conflict:last-admin"));
}

/** What the change record keeps of an account: never its password hash or personal numbers (recordAdminChange drops those too). */
export function accountRecord(user: TUser) {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentId: user.departmentId, disabledAt: user.disabledAt, mustChangePassword: user.mustChangePassword };
}
