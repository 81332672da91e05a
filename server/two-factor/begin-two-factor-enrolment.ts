/**
 * The first step of setting up a second factor: a fresh secret for the person's authenticator app, not in force until
 * they confirm it with a code (confirm-two-factor-enrolment.ts). Asked for by a button, not by opening the page, so
 * reloading the page shows the same QR code the person may already have scanned.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { staffTwoFactor } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { makeTotpSecret } from "./totp";
import { mayUseTwoFactor } from "./two-factor-required";

export async function beginTwoFactorEnrolment({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TResult<object>> {
  if (!mayUseTwoFactor(actor.role) || !actor.username) return fail("forbidden:role");
  const secret = makeTotpSecret();
  // A confirmed second factor is never replaced here: turning it off (or the admin's reset) comes first.
  const written = await db
    .insert(staffTwoFactor)
    .values({ userId: actor.id, secret })
    .onConflictDoUpdate({ target: staffTwoFactor.userId, set: { secret, lastTimeStep: null }, setWhere: isNull(staffTwoFactor.confirmedAt) })
    .returning({ userId: staffTwoFactor.userId });
  if (written.length === 0) return fail("conflict:two-factor-enrolled");
  return { ok: true };
}

/** Forgets a secret shown but never confirmed (the person starts again). */
export async function discardPendingTwoFactor({ db, userId }: { db: TDatabase; userId: string }): Promise<void> {
  await db.delete(staffTwoFactor).where(and(eq(staffTwoFactor.userId, userId), isNull(staffTwoFactor.confirmedAt)));
}
