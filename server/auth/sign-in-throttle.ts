/**
 * The sign-in throttle: failed attempts counted per account and per source address in `rate_limits`
 * (rate-limiter-flexible's drizzle store, so every replica shares them), with a growing wait once a count passes its
 * free allowance — 1 minute, doubling with each further failure, at most 1 hour.
 *
 * An attempt is counted BEFORE its password is checked and passes a "wait" gate (an atomic upsert) once over the
 * allowance, so a burst of simultaneous guesses is cut off at the allowance instead of all being checked. An attempt
 * refused without a check is taken off the counts again: hammering a locked account does not lengthen its wait.
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { TDatabase } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** Counts live 24 h from the first failure (a success clears an account's). */
const COUNT_SECONDS = 24 * 60 * 60;
const FIRST_WAIT_SECONDS = 60;
const LONGEST_WAIT_SECONDS = 60 * 60;
const FAILURES_PREFIX = "sign-in-failures";

export type TThrottleScope = {
  /** `account:…` or `address:…`; hashed before it is stored, so the table holds no user names or addresses. */
  key: string;
  /** Failures allowed before each further attempt must wait. */
  freeFailures: number;
};

/** The wait after the `step`-th failure beyond the allowance (step 1 = the failure that used the allowance up). */
export function waitSecondsAfter(step: number): number {
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (step - 1), LONGEST_WAIT_SECONDS);
}

type TLimiters = { failures: RateLimiterDrizzle; waits: RateLimiterDrizzle };
const limitersByDatabase = new WeakMap<TDatabase, TLimiters>();

function limitersOf(db: TDatabase): TLimiters {
  let limiters = limitersByDatabase.get(db);
  if (!limiters) {
    limiters = {
      // `points` is not what decides here (the scope's allowance is); penalty() and reward() only count.
      // Its timer deletes rows expired over an hour ago from the whole table, the waits' too.
      failures: new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: FAILURES_PREFIX, points: 1, duration: COUNT_SECONDS }),
      waits: new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: "sign-in-wait", points: 1, duration: FIRST_WAIT_SECONDS, clearExpiredByTimeout: false }),
    };
    limitersByDatabase.set(db, limiters);
  }
  return limiters;
}

function storedKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/**
 * Adds this attempt to every scope's failure count and returns the counts — what `failures.penalty(key)` does for
 * one key (the same rows: "sign-in-failures:<key>", a count that starts again once expired), in ONE statement for
 * all of them: on the embedded database every statement is a turn of its one query queue, which the requests of
 * everybody else wait behind during a burst of sign-ins.
 */
async function countAttempt(db: TDatabase, keys: string[]): Promise<number[]> {
  const now = new Date();
  const expire = new Date(now.getTime() + COUNT_SECONDS * 1000);
  const expired = sql`${rateLimits.expire} <= ${sql.param(now, rateLimits.expire)}`;
  const rows = await db
    .insert(rateLimits)
    .values(keys.map((key) => ({ key: `${FAILURES_PREFIX}:${key}`, points: 1, expire })))
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        points: sql`case when ${expired} then 1 else ${rateLimits.points} + 1 end`,
        expire: sql`case when ${expired} then ${sql.param(expire, rateLimits.expire)} else ${rateLimits.expire} end`,
      },
    })
    .returning({ key: rateLimits.key, points: rateLimits.points });
  const counts = new Map(rows.map((row) => [row.key, row.points]));
  return keys.map((key) => counts.get(`${FAILURES_PREFIX}:${key}`)!);
}

export type TAdmission =
  | { admitted: true; failures: number[] }
  | { admitted: false; retryAfterSeconds: number };

/** Counts this attempt against every scope and says whether its password may be checked now. */
export async function admitSignInAttempt({ db, scopes }: { db: TDatabase; scopes: TThrottleScope[] }): Promise<TAdmission> {
  const { failures, waits } = limitersOf(db);
  const keys = scopes.map((scope) => storedKey(scope.key));
  const counts = await countAttempt(db, keys);
  const gatesTaken: string[] = [];
  for (const [index, scope] of scopes.entries()) {
    const step = counts[index] - scope.freeFailures + 1;
    if (step < 1) continue;
    try {
      // Free (no wait running): this attempt goes ahead and holds the gate for the wait that would follow it.
      await waits.consume(keys[index], 1, { customDuration: waitSecondsAfter(step) });
      gatesTaken.push(keys[index]);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      await Promise.all([...keys.map((key) => failures.reward(key)), ...gatesTaken.map((key) => waits.delete(key))]);
      return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  }
  return { admitted: true, failures: counts };
}

/**
 * A checked attempt failed: every scope at or past its allowance starts its wait from now.
 * Returns the longest wait started, or null when the attempt stayed within every allowance.
 */
export async function recordSignInFailure({ db, scopes, failures }: { db: TDatabase; scopes: TThrottleScope[]; failures: number[] }): Promise<number | null> {
  const { waits } = limitersOf(db);
  let longest: number | null = null;
  for (const [index, scope] of scopes.entries()) {
    const step = failures[index] - scope.freeFailures + 1;
    if (step < 1) continue;
    const seconds = waitSecondsAfter(step);
    await waits.set(storedKey(scope.key), 1, seconds);
    longest = Math.max(longest ?? 0, seconds);
  }
  return longest;
}

/**
 * A checked attempt succeeded: the account's failures are forgotten; the address keeps its count (an attacker who
 * owns one account must not be able to clear its address's record by signing in to it), less this attempt.
 */
export async function recordSignInSuccess({ db, account, address }: { db: TDatabase; account: TThrottleScope; address: TThrottleScope }): Promise<void> {
  const { failures, waits } = limitersOf(db);
  const accountKey = storedKey(account.key);
  await Promise.all([failures.delete(accountKey), waits.delete(accountKey), failures.reward(storedKey(address.key))]);
}

/**
 * The account's right password was given where no address is counted (choosing a new password while signed in):
 * its failures are forgotten, as after a sign-in.
 */
export async function forgetAccountFailures({ db, account }: { db: TDatabase; account: TThrottleScope }): Promise<void> {
  const { failures, waits } = limitersOf(db);
  const accountKey = storedKey(account.key);
  await Promise.all([failures.delete(accountKey), waits.delete(accountKey)]);
}
