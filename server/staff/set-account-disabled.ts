/**
 * An admin disables a staff account (someone left, a lost laptop) or enables it again. A disabled account cannot
 * sign in (server/auth/sign-in-with-password.ts), and its sessions end at once: the users trigger moves
 * session_version on (migration 0016), and loadActor refuses a disabled account whatever its session says.
 * No admin disables themselves, and the last enabled admin stays.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { accountRecord, checkDepartmentTakesStaff, keepOneAdmin, lockStaffAccount } from "./staff-account";

export async function setAccountDisabled({ db, actor, userId, disabled }: { db: TDatabase; actor: TActor; userId: string; disabled: boolean }): Promise<TResult<{ username: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (disabled && userId === actor.id) return fail("conflict:own-account");
  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockStaffAccount(tx, userId);
      if ((before.disabledAt !== null) === disabled) throw new RefusalRollback(fail("conflict:account-unchanged"));
      if (disabled) await keepOneAdmin(tx, before);
      // A clerk enabled again must still have a department that takes staff.
      else await checkDepartmentTakesStaff(tx, before.departmentId);
      const [after] = await tx
        .update(users)
        .set({ disabledAt: disabled ? new Date() : null })
        .where(eq(users.id, before.id))
        .returning();
      await recordAdminChange({ db: tx, actor, entity: "user", entityId: after.id, action: disabled ? "disable" : "enable", before: accountRecord(before), after: accountRecord(after) });
      return { ok: true as const, username: before.username };
    }),
  );
}
