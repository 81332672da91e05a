/**
 * An admin resets a staff member's second factor (a lost or replaced phone): the secret and the recovery codes are
 * gone, every session of theirs ends, and they set it up again after their next password sign-in (where it is
 * required, they are held to that page until they do). An admin resets their own through another admin.
 */
import { eq, sql } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { recoveryCodes, staffTwoFactor, users } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { lockStaffAccount } from "@/server/staff/staff-account";

export async function resetTwoFactor({ db, actor, userId }: { db: TDatabase; actor: TActor; userId: string }): Promise<TResult<{ username: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (userId === actor.id) return fail("conflict:own-account");
  return catchRefusal(
    db.transaction(async (tx) => {
      const account = await lockStaffAccount(tx, userId);
      const removed = await tx.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, account.id)).returning({ confirmedAt: staffTwoFactor.confirmedAt });
      if (removed.length === 0) throw new RefusalRollback(fail("conflict:two-factor-not-enrolled"));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, account.id));
      // Whoever holds the lost phone may also hold an open session: it ends with the secret.
      await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, account.id));
      await recordAdminChange({
        db: tx,
        actor,
        entity: "user",
        entityId: account.id,
        action: "reset-two-factor",
        before: { username: account.username, twoFactor: removed[0].confirmedAt ? "enrolled" : "being-set-up" },
        after: { username: account.username, twoFactor: "none" },
      });
      return { ok: true as const, username: account.username };
    }),
  );
}
