/**
 * A person turns their own second factor off, where it is not required of them, with a current code (or a recovery
 * code): a session left open on a shared desk is not enough to take the second factor away.
 */
import { eq } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { recoveryCodes, staffTwoFactor } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { checkSecondFactor } from "./check-second-factor";
import { readTwoFactor } from "./read-two-factor";

export async function turnOffTwoFactor({ db, actor, typed, now }: { db: TDatabase; actor: TActor; typed: string; now: Date }): Promise<TResult<object>> {
  const current = await readTwoFactor({ db, actor });
  if (!current.ok) return current;
  if (!current.view.enrolledAt) return fail("conflict:two-factor-not-enrolled");
  if (current.view.required) return fail("conflict:two-factor-required");
  const check = await checkSecondFactor({ db, userId: actor.id, typed, now });
  if (!check.ok) return fail(check.code);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
    await tx.delete(staffTwoFactor).where(eq(staffTwoFactor.userId, actor.id));
  });
  return { ok: true };
}
