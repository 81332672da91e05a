/**
 * An admin changes a staff account's role or department. The person's sessions end at once (the users trigger of
 * migration 0010 moves session_version on), so the next page they open asks them to sign in under the new grant.
 * The last enabled admin cannot be given another role.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, type TAppError } from "@/server/errors";
import { accountRecord, checkDepartmentTakesStaff, keepOneAdmin, lockStaffAccount } from "./staff-account";
import { readGrantInput, type TAccountInput, type TAccountRefusal } from "./staff-input";

export type TChangeStaffGrantResult = { ok: true; changed: boolean } | TAccountRefusal | TAppError;

export async function changeStaffGrant({
  db,
  actor,
  userId,
  input,
}: {
  db: TDatabase;
  actor: TActor;
  userId: string;
  input: Partial<Pick<TAccountInput, "role" | "departmentId">>;
}): Promise<TChangeStaffGrantResult> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const checked = readGrantInput(input);
  if (!checked.ok) return checked;
  const { role, departmentId } = checked.grant;

  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockStaffAccount(tx, userId);
      if (before.role === role && before.departmentId === departmentId) return { ok: true as const, changed: false };
      if (role !== "admin") await keepOneAdmin(tx, before);
      if (departmentId !== before.departmentId) await checkDepartmentTakesStaff(tx, departmentId);
      const [after] = await tx.update(users).set({ role, departmentId }).where(eq(users.id, before.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "user", entityId: after.id, action: "change-role", before: accountRecord(before), after: accountRecord(after) });
      return { ok: true as const, changed: true };
    }),
  );
}
