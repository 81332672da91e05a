/** For the admin's page of one staff account: whether their second factor is set up, and whether it is required. */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, staffTwoFactor, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { isUuid } from "@/server/departments/find-department";
import { fail, type TResult } from "@/server/errors";
import { twoFactorRequiredFor } from "./two-factor-required";

export type TStaffTwoFactorState = "enrolled" | "being-set-up" | "none";

export async function findStaffTwoFactor({ db, actor, userId }: { db: TDatabase; actor: TActor; userId: string }): Promise<TResult<{ state: TStaffTwoFactorState; required: boolean }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (!isUuid(userId)) return fail("not-found:account");
  const [row] = await db
    .select({ role: users.role, confirmedAt: staffTwoFactor.confirmedAt, secret: staffTwoFactor.secret, departmentRequires: departments.twoFactorRequired })
    .from(users)
    .leftJoin(staffTwoFactor, eq(staffTwoFactor.userId, users.id))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  if (!row) return fail("not-found:account");
  const state = row.confirmedAt ? "enrolled" : row.secret ? "being-set-up" : "none";
  return { ok: true, state, required: twoFactorRequiredFor({ role: row.role, departmentRequires: row.departmentRequires ?? false }) };
}
