/**
 * A person chooses their own password: after the admin's one-time password (a new account, a reset), or whenever
 * they like. The current password is asked again — a session left open on a counter's shared computer must not be
 * enough to take the account over. The new one follows the policy (password-policy.ts).
 *
 * Wrong current passwords count against the account in the sign-in throttle, as failed sign-ins do: an open session
 * is no way round the throttle to guess the password.
 *
 * The new hash ends every session of the person, this one too (the users trigger, migration 0010): the caller signs
 * them in again with the new password, through the one sign-in path.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { getEnv } from "@/server/env";
import { fail, type TErrorCode, type TResult } from "@/server/errors";
import type { TActor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { checkNewPassword, PASSWORD_MAX_LENGTH } from "./password-policy";
import { admitSignInAttempt, forgetAccountFailures, recordSignInFailure, type TThrottleScope } from "./sign-in-throttle";

export type TPasswordField = "current" | "password" | "confirm";
export type TChangeOwnPasswordResult = TResult<{ username: string }> | { ok: false; code: TErrorCode; fields: Partial<Record<TPasswordField, TErrorCode>> };

const refusal = (field: TPasswordField, code: TErrorCode) => ({ ok: false as const, code, fields: { [field]: code } });

export async function changeOwnPassword({
  db,
  actor,
  current,
  password,
  confirm,
}: {
  db: TDatabase;
  actor: TActor;
  current: string;
  password: string;
  confirm: string;
}): Promise<TChangeOwnPasswordResult> {
  const [user] = await db.select({ passwordHash: users.passwordHash, username: users.username }).from(users).where(eq(users.id, actor.id));
  // Only an account with a password chooses a new one (a person recorded at the counter has neither name nor password).
  if (!user || user.username === null || user.passwordHash === null) return fail("not-found:account");
  // Nothing typed is no guess: refused before it counts.
  if (!current || current.length > PASSWORD_MAX_LENGTH) return refusal("current", "invalid:current-password");
  // The same account key as sign-in's (server/auth/sign-in-with-password.ts): one count for both ways of guessing.
  const account: TThrottleScope = { key: `account:${user.username.normalize("NFKC").toLowerCase()}`, freeFailures: getEnv().SIGN_IN_FAILURES_PER_ACCOUNT };
  const admission = await admitSignInAttempt({ db, scopes: [account] });
  if (!admission.admitted) return refusal("current", "rate-limited:current-password");
  if (!(await verifyPassword(current, user.passwordHash))) {
    await recordSignInFailure({ db, scopes: [account], failures: admission.failures });
    return refusal("current", "invalid:current-password");
  }
  // The right current password: a refusal of the new one below is no guess, and must not make the account wait.
  await forgetAccountFailures({ db, account });
  const policy = checkNewPassword({ password, username: user.username });
  if (policy) return refusal("password", policy);
  if (password === current) return refusal("password", "invalid:password-same");
  if (confirm !== password) return refusal("confirm", "invalid:password-mismatch");
  const passwordHash = await hashPassword(password);
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, actor.id));
  return { ok: true, username: user.username };
}
