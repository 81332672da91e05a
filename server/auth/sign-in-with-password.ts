/**
 * The one sign-in check, behind both ways in: the /login form's action (through Auth.js's signIn) and a post to
 * /api/auth/callback/credentials both reach it through the credentials provider's authorize().
 *
 * Throttled per account (from any address) and per source address (over every account). The account count stops
 * guessing one person's password from many addresses; the address count stops one address spraying a common
 * password over many accounts, and caps how many accounts one address can lock out: anyone can make an account wait
 * by failing its sign-in (the price of counting per account at all), but each address has only its own allowance of
 * failures to spend on that. Once a wait runs, even the right password is refused until it ends.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { users, type TRole } from "@/db/schema";
import { limitConcurrency } from "@/lib/limit-concurrency";
import { getEnv } from "@/server/env";
import { hashPassword, verifyPassword } from "./password";
import { admitSignInAttempt, recordSignInFailure, recordSignInSuccess, type TThrottleScope } from "./sign-in-throttle";
import { recordSignIn } from "./record-sign-in";
import { addressBucketOf } from "./source-address";

export type TSignedInUser = { id: string; displayName: string; role: TRole; sessionVersion: number };

export type TSignInResult =
  | { ok: true; user: TSignedInUser }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number };

/**
 * Sign-ins in progress at once in this process: one fewer than there are cores (at least one). A sign-in is mostly
 * an argon2 run on its own thread (password.ts), but also the event loop's time for its request, its counts and its
 * answer; with as many in progress as cores, a burst kept the event loop busy most of the time and everybody else's
 * requests waited (docs/BENCHMARKS.md, bench:login-burst). A burst now waits here, doing nothing, and a core stays
 * free for everybody else.
 */
const inTurn = limitConcurrency(Math.max(1, os.availableParallelism() - 1));

export async function signInWithPassword(options: Parameters<typeof checkPassword>[0]): Promise<TSignInResult> {
  return inTurn(() => checkPassword(options));
}

async function checkPassword(options: {
  db: TDatabase;
  username: string;
  password: string;
  /** The source address (server/auth/source-address.ts); null when unknown, which is one shared bucket. */
  address: string | null;
  failuresPerAccount?: number;
  failuresPerAddress?: number;
}): Promise<TSignInResult> {
  const { db, username, password, address } = options;
  const env = getEnv();
  const account: TThrottleScope = {
    // One count for every spelling of a name: "Citizen" and "ｃｉｔｉｚｅｎ" must not be fresh budgets.
    key: `account:${username.normalize("NFKC").toLowerCase()}`,
    freeFailures: options.failuresPerAccount ?? env.SIGN_IN_FAILURES_PER_ACCOUNT,
  };
  const source: TThrottleScope = {
    key: `address:${addressBucketOf(address)}`,
    freeFailures: options.failuresPerAddress ?? env.SIGN_IN_FAILURES_PER_ADDRESS,
  };
  const scopes = [account, source];

  const admission = await admitSignInAttempt({ db, scopes });
  if (!admission.admitted) {
    await recordSignIn({ db, user: null, outcome: "refused", method: "password", reason: "throttled", address });
    return { ok: false, code: "throttled", retryAfterSeconds: admission.retryAfterSeconds };
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  // Verify even for an unknown name, so response time does not tell which names exist.
  const matches = await verifyPassword(password, user?.passwordHash ?? (await getDummyHash()));
  // A disabled account answers as a wrong password does: the form does not tell a guesser which names exist.
  if (!user || !matches || user.disabledAt !== null) {
    const wait = await recordSignInFailure({ db, scopes, failures: admission.failures });
    await recordSignIn({ db, user: user ?? null, outcome: wait === null ? "failed" : "refused", method: "password", reason: wait === null ? "invalid" : "throttled", address });
    return wait === null ? { ok: false, code: "invalid" } : { ok: false, code: "throttled", retryAfterSeconds: wait };
  }
  await recordSignInSuccess({ db, account, address: source });
  await recordSignIn({ db, user, outcome: "ok", method: "password", address });
  return { ok: true, user: { id: user.id, displayName: user.displayName, role: user.role, sessionVersion: user.sessionVersion } };
}

// A real hash of a random string nobody knows, so an unknown name costs the same time as a wrong password.
let dummyHash: Promise<string> | undefined;
function getDummyHash() {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}
