/**
 * The holder check answers yes or no to a typed ID number, so it is an oracle: with the masked number on the page
 * (first four and last four characters), the hidden ten are a region, a birth date and a sequence digit — a few
 * hundred thousand valid candidates. Each licence may therefore be checked HOLDER_CHECKS_PER_HOUR times an hour,
 * so guessing would take years; a verifier needs one or two tries.
 *
 * Each source address (an IPv4 address, an IPv6 /64: server/auth/source-address.ts) may ask
 * HOLDER_CHECKS_PER_ADDRESS_PER_HOUR checks an hour over all licences, so one client cannot use up the checks of
 * many licences at once (someone who exhausts a licence's checks keeps it from being checked for the rest of the
 * hour — the rest of /verify still works, and the masked number can still be compared by eye) nor sweep the
 * register. A bank counter behind one address that checks a licence every minute stays within it.
 *
 * Both are counted in the database (rate-limiter-flexible's drizzle store, the `rate_limits` table sign-in throttling
 * also uses) so every replica shares them; the address is hashed before it is stored.
 */
import { createHash } from "node:crypto";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { TDatabase } from "@/db/client";
import { rateLimits } from "@/db/schema";

export const HOLDER_CHECKS_PER_HOUR = 10;
export const HOLDER_CHECKS_PER_ADDRESS_PER_HOUR = 60;

type TTake = { ok: true } | { ok: false; retryAfterSeconds: number };

function limiter(db: TDatabase, keyPrefix: string, points: number) {
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration: 60 * 60, clearExpiredByTimeout: false });
}

function take(limiter: RateLimiterDrizzle, key: string): Promise<TTake> {
  return limiter.consume(key).then(
    () => ({ ok: true as const }),
    (rejection: unknown) => {
      // A RateLimiterRes is "no points left"; anything else is the store failing, which must surface.
      if (rejection instanceof RateLimiterRes) return { ok: false as const, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) };
      throw rejection;
    },
  );
}

/** `addressBucket`: addressBucketOf(the source address). The address is counted first: a refused address costs no licence a check. */
export async function takeHolderCheck(db: TDatabase, { licenceId, addressBucket }: { licenceId: string; addressBucket: string }): Promise<TTake> {
  const byAddress = await take(limiter(db, "licence-holder-check-address", HOLDER_CHECKS_PER_ADDRESS_PER_HOUR), createHash("sha256").update(addressBucket).digest("base64url"));
  if (!byAddress.ok) return byAddress;
  return take(limiter(db, "licence-holder-check", HOLDER_CHECKS_PER_HOUR), licenceId);
}
