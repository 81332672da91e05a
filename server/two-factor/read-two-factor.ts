/** What /account/two-factor shows a person about their own second factor. */
import { and, count, eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { departments, recoveryCodes, staffTwoFactor, users } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { totpUriOf } from "./totp";
import { mayUseTwoFactor, twoFactorRequiredFor } from "./two-factor-required";

export type TTwoFactorView = {
  required: boolean;
  /** Set once the person confirmed a code: the second factor is in force. */
  enrolledAt: Date | null;
  /** The secret being set up (shown until confirmed), with the address its QR code carries. */
  pending: { secret: string; uri: string } | null;
  recoveryCodesLeft: number;
};

export async function readTwoFactor({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TResult<{ view: TTwoFactorView }>> {
  if (!mayUseTwoFactor(actor.role) || !actor.username) return fail("forbidden:role");
  const [row] = await db
    .select({ twoFactor: staffTwoFactor, departmentRequires: departments.twoFactorRequired })
    .from(users)
    .leftJoin(staffTwoFactor, eq(staffTwoFactor.userId, users.id))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, actor.id));
  const [left] = await db
    .select({ count: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)));
  const twoFactor = row?.twoFactor ?? null;
  const enrolledAt = twoFactor?.confirmedAt ?? null;
  return {
    ok: true,
    view: {
      required: twoFactorRequiredFor({ role: actor.role, departmentRequires: row?.departmentRequires ?? false }),
      enrolledAt,
      pending: twoFactor && !enrolledAt ? { secret: twoFactor.secret, uri: totpUriOf({ username: actor.username, secret: twoFactor.secret }) } : null,
      recoveryCodesLeft: enrolledAt ? left.count : 0,
    },
  };
}
