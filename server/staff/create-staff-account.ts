/**
 * An admin creates a staff account: user name, display name, role, and a clerk's department. The account gets a
 * one-time password, returned here to be shown to the admin once, and must choose its own at its first sign-in.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { makeOneTimePassword } from "@/server/auth/one-time-password";
import { hashPassword } from "@/server/auth/password";
import { catchRefusal, fail, RefusalRollback, type TAppError } from "@/server/errors";
import { accountRecord, checkDepartmentTakesStaff } from "./staff-account";
import { readNewAccountInput, type TAccountInput, type TAccountRefusal } from "./staff-input";

export type TCreateStaffAccountResult = { ok: true; userId: string; username: string; oneTimePassword: string } | TAccountRefusal | TAppError;

export async function createStaffAccount({ db, actor, input }: { db: TDatabase; actor: TActor; input: Partial<TAccountInput> }): Promise<TCreateStaffAccountResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readNewAccountInput(input);
  if (!checked.ok) return checked;
  const { username, displayName, role, departmentId } = checked.account;
  const oneTimePassword = makeOneTimePassword();
  // Hashed before the transaction: an argon2 run holds no locks.
  const passwordHash = await hashPassword(oneTimePassword);

  return catchRefusal(
    db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
      if (taken) throw new RefusalRollback({ ok: false, code: "conflict:username-taken", fields: { username: "conflict:username-taken" } } as TAccountRefusal);
      await checkDepartmentTakesStaff(tx, departmentId);
      const [created] = await tx.insert(users).values({ username, displayName, role, departmentId, passwordHash, mustChangePassword: true }).returning();
      await recordAdminChange({ db: tx, actor, entity: "user", entityId: created.id, action: "create", before: null, after: accountRecord(created) });
      return { ok: true as const, userId: created.id, username, oneTimePassword };
    }),
  );
}
