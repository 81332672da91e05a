/**
 * The holder check answers yes or no to a typed ID number, so it is an oracle: with the masked number on the page
 * (first four and last four characters), the hidden ten are a region, a birth date and a sequence digit — a few
 * hundred thousand valid candidates. Each licence may therefore be checked HOLDER_CHECKS_PER_HOUR times an hour,
 * counted in the database (rate-limiter-flexible's drizzle store, the `rate_limits` table sign-in throttling also
 * uses) so every replica shares the count. A verifier needs one or two tries; guessing would take years. Someone
 * who exhausts a licence's checks keeps it from being checked for the rest of the hour — the rest of /verify still
 * works, and the masked number can still be compared by eye.
 */
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { TDatabase } from "@/db/client";
import { rateLimits } from "@/db/schema";

export const HOLDER_CHECKS_PER_HOUR = 10;

export async function takeHolderCheck(db: TDatabase, licenceId: string): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const limiter = new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: "licence-holder-check", points: HOLDER_CHECKS_PER_HOUR, duration: 60 * 60, clearExpiredByTimeout: false });
  return limiter.consume(licenceId).then(
    () => ({ ok: true as const }),
    (rejection: unknown) => {
      // A RateLimiterRes is "no points left"; anything else is the store failing, which must surface.
      if (rejection instanceof RateLimiterRes) return { ok: false as const, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
      throw rejection;
    },
  );
}
