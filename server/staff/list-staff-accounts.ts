/** Staff accounts for the admin: search by user name or display name, with each one's department. */
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, staffRoles, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { isUuid } from "@/server/departments/find-department";
import { fail, type TResult } from "@/server/errors";

export const STAFF_LIST_LIMIT = 200;

const accountColumns = {
  id: users.id,
  // Staff accounts always have a user name (only people recorded at the counter have none, and they are no staff).
  username: sql<string>`${users.username}`,
  displayName: users.displayName,
  role: users.role,
  departmentId: users.departmentId,
  departmentCode: departments.code,
  departmentName: departments.name,
  disabledAt: users.disabledAt,
  mustChangePassword: users.mustChangePassword,
};

/** `search` is matched as typed text: % and _ in it are literal characters, not patterns. */
export async function listStaffAccounts({ db, actor, search = "" }: { db: TDatabase; actor: TActor; search?: string }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  const pattern = `%${search.trim().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  const rows = await db
    .select(accountColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(inArray(users.role, staffRoles), search.trim() ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined))
    .orderBy(asc(users.username))
    .limit(STAFF_LIST_LIMIT + 1);
  return { ok: true as const, accounts: rows.slice(0, STAFF_LIST_LIMIT), more: rows.length > STAFF_LIST_LIMIT };
}

export async function findStaffAccount({ db, actor, userId }: { db: TDatabase; actor: TActor; userId: string }) {
  if (actor.role !== "admin") return fail("forbidden:role") as TResult<never>;
  if (!isUuid(userId)) return fail("not-found:account") as TResult<never>;
  const [account] = await db
    .select(accountColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.id, userId), inArray(users.role, staffRoles)));
  if (!account) return fail("not-found:account") as TResult<never>;
  return { ok: true as const, account };
}
