/**
 * An admin resets a staff account's password (forgotten, or possibly known to someone else): a new one-time password,
 * shown to the admin once; the person's sessions end (the users trigger, on the new hash) and they must choose their
 * own password at the next sign-in. An admin changes their own password at /account/password instead.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { recordAdminChange } from "@/server/admin/record-admin-change";
import type { TActor } from "@/server/auth/actor";
import { makeOneTimePassword } from "@/server/auth/one-time-password";
import { hashPassword } from "@/server/auth/password";
import { catchRefusal, fail, type TResult } from "@/server/errors";
import { accountRecord, lockStaffAccount } from "./staff-account";

export async function resetStaffPassword({ db, actor, userId }: { db: TDatabase; actor: TActor; userId: string }): Promise<TResult<{ username: string; oneTimePassword: string }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  if (userId === actor.id) return fail("conflict:own-account");
  const oneTimePassword = makeOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  return catchRefusal(
    db.transaction(async (tx) => {
      const before = await lockStaffAccount(tx, userId);
      const [after] = await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, before.id)).returning();
      await recordAdminChange({ db: tx, actor, entity: "user", entityId: after.id, action: "reset-password", before: accountRecord(before), after: accountRecord(after) });
      return { ok: true as const, username: before.username, oneTimePassword };
    }),
  );
}
