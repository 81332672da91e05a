/**
 * Checks what a person typed as their second factor: a code from their authenticator app, or one of their recovery
 * codes. A code is refused as reused when its time step is not later than the last one accepted (RFC 6238 §5.2: a
 * code seen once, by anyone looking over a shoulder, opens nothing again); the step is claimed by one conditional
 * update, so two replicas given the same code at once accept it once. A recovery code is spent the same way.
 */
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { recoveryCodes, staffTwoFactor } from "@/db/schema";
import { hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { looksLikeTotpCode, matchTotpCode } from "./totp";

export type TSecondFactorRefusal = "invalid:two-factor-code" | "conflict:two-factor-code-reused" | "conflict:recovery-code-used";
export type TSecondFactorCheck = { ok: true; via: "code" | "recovery-code" } | { ok: false; code: TSecondFactorRefusal };

export async function checkSecondFactor({ db, userId, typed, now }: { db: TDatabase; userId: string; typed: string; now: Date }): Promise<TSecondFactorCheck> {
  const [enrolled] = await db
    .select()
    .from(staffTwoFactor)
    .where(and(eq(staffTwoFactor.userId, userId), isNotNull(staffTwoFactor.confirmedAt)));
  if (!enrolled) return { ok: false, code: "invalid:two-factor-code" };

  if (looksLikeTotpCode(typed)) {
    const step = await matchTotpCode({ secret: enrolled.secret, code: typed, now });
    if (step === null) return { ok: false, code: "invalid:two-factor-code" };
    const claimed = await db
      .update(staffTwoFactor)
      .set({ lastTimeStep: step })
      .where(and(eq(staffTwoFactor.userId, userId), or(isNull(staffTwoFactor.lastTimeStep), lt(staffTwoFactor.lastTimeStep, step))))
      .returning({ userId: staffTwoFactor.userId });
    return claimed.length > 0 ? { ok: true, via: "code" } : { ok: false, code: "conflict:two-factor-code-reused" };
  }

  const normalized = normalizeRecoveryCode(typed);
  if (!normalized) return { ok: false, code: "invalid:two-factor-code" };
  const codeHash = hashRecoveryCode(normalized);
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  if (spent.length > 0) return { ok: true, via: "recovery-code" };
  const [used] = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash)));
  return { ok: false, code: used ? "conflict:recovery-code-used" : "invalid:two-factor-code" };
}
