/**
 * The second step of a staff sign-in: the password was right (sign-in-with-password.ts), and the person's code or
 * recovery code decides. Throttled by the sign-in throttle like a password, per account and per source address; the
 * account's count is one of its own ("second-factor:<user id>"), which a right password does not clear: otherwise
 * whoever knows the password could sign in again and again for a fresh allowance of code guesses.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { staffTwoFactor, users } from "@/db/schema";
import type { TSignedInUser } from "@/server/auth/sign-in-with-password";
import { admitSignInAttempt, recordSignInFailure, recordSignInSuccess, type TThrottleScope } from "@/server/auth/sign-in-throttle";
import { addressBucketOf } from "@/server/auth/source-address";
import { getEnv } from "@/server/env";
import { checkSecondFactor, type TSecondFactorRefusal } from "./check-second-factor";
import type { TPendingSignIn } from "./pending-sign-in";

export type TSecondStepResult =
  | { ok: true; user: TSignedInUser; via: "code" | "recovery-code" }
  | { ok: false; code: TSecondFactorRefusal | "expired:sign-in-step" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number };

export async function signInWithSecondFactor(options: {
  db: TDatabase;
  /** Who passed the password step, as the sealed token says; null when the token was missing, foreign or expired. */
  pending: TPendingSignIn | null;
  typed: string;
  address: string | null;
  now: Date;
  failuresPerAccount?: number;
  failuresPerAddress?: number;
}): Promise<TSecondStepResult> {
  const { db, pending, typed, address, now } = options;
  if (!pending) return { ok: false, code: "expired:sign-in-step" };
  const [user] = await db.select().from(users).where(eq(users.id, pending.userId)).limit(1);
  // Signed out everywhere, disabled, or given a new password since the first step: that step no longer counts.
  if (!user || user.disabledAt !== null || user.sessionVersion !== pending.sessionVersion) return { ok: false, code: "expired:sign-in-step" };

  const env = getEnv();
  const account: TThrottleScope = { key: `second-factor:${user.id}`, freeFailures: options.failuresPerAccount ?? env.SIGN_IN_FAILURES_PER_ACCOUNT };
  const source: TThrottleScope = { key: `address:${addressBucketOf(address)}`, freeFailures: options.failuresPerAddress ?? env.SIGN_IN_FAILURES_PER_ADDRESS };
  const scopes = [account, source];
  const admission = await admitSignInAttempt({ db, scopes });
  if (!admission.admitted) return { ok: false, code: "throttled", retryAfterSeconds: admission.retryAfterSeconds };

  const check = await checkSecondFactor({ db, userId: user.id, typed, now });
  if (!check.ok) {
    const wait = await recordSignInFailure({ db, scopes, failures: admission.failures });
    return wait === null ? { ok: false, code: check.code } : { ok: false, code: "throttled", retryAfterSeconds: wait };
  }
  await recordSignInSuccess({ db, account, address: source });
  return { ok: true, via: check.via, user: { id: user.id, displayName: user.displayName, role: user.role, sessionVersion: user.sessionVersion } };
}

/** Whether the account signs in with a second factor: it has confirmed one (required or not). */
export async function hasSecondFactor({ db, userId }: { db: TDatabase; userId: string }): Promise<boolean> {
  const rows = await db.select({ userId: staffTwoFactor.userId }).from(staffTwoFactor).where(and(eq(staffTwoFactor.userId, userId), isNotNull(staffTwoFactor.confirmedAt)));
  return rows.length > 0;
}
