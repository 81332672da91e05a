/** Ten new recovery codes for a person whose second factor is in force; the old ones stop working at once. */
import { and, eq, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { staffTwoFactor } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { replaceRecoveryCodes } from "./recovery-codes";
import { mayUseTwoFactor } from "./two-factor-required";

export async function regenerateRecoveryCodes({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TResult<{ recoveryCodes: string[] }>> {
  if (!mayUseTwoFactor(actor.role)) return fail("forbidden:role");
  return catchRefusal(
    db.transaction(async (tx) => {
      const [row] = await tx
        .select({ userId: staffTwoFactor.userId })
        .from(staffTwoFactor)
        .where(and(eq(staffTwoFactor.userId, actor.id), isNotNull(staffTwoFactor.confirmedAt)))
        .for("update");
      if (!row) throw new RefusalRollback(fail("conflict:two-factor-not-enrolled"));
      return { ok: true as const, recoveryCodes: await replaceRecoveryCodes(tx, actor.id) };
    }),
  );
}
