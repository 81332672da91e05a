/**
 * The person typed a code from the app they just set up: the secret is in force from now on, and they get their ten
 * recovery codes, shown this once. The code's step counts as used, like any code accepted at sign-in.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { staffTwoFactor } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { catchRefusal, fail, RefusalRollback, type TResult } from "@/server/errors";
import { replaceRecoveryCodes } from "./recovery-codes";
import { matchTotpCode } from "./totp";
import { mayUseTwoFactor } from "./two-factor-required";

export async function confirmTwoFactorEnrolment({ db, actor, code, now }: { db: TDatabase; actor: TActor; code: string; now: Date }): Promise<TResult<{ recoveryCodes: string[] }>> {
  if (!mayUseTwoFactor(actor.role)) return fail("forbidden:role");
  return catchRefusal(
    db.transaction(async (tx) => {
      const [row] = await tx.select().from(staffTwoFactor).where(eq(staffTwoFactor.userId, actor.id)).for("update");
      if (!row) throw new RefusalRollback(fail("conflict:two-factor-not-enrolled"));
      if (row.confirmedAt) throw new RefusalRollback(fail("conflict:two-factor-enrolled"));
      const step = await matchTotpCode({ secret: row.secret, code, now });
      if (step === null) throw new RefusalRollback(fail("invalid:two-factor-code"));
      await tx
        .update(staffTwoFactor)
        .set({ confirmedAt: now, lastTimeStep: step })
        .where(and(eq(staffTwoFactor.userId, actor.id), isNull(staffTwoFactor.confirmedAt)));
      const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
      return { ok: true as const, recoveryCodes };
    }),
  );
}
