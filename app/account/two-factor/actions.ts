"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TRecoveryCodesState } from "@/components/two-factor/two-factor-forms";
import { readCurrentTime } from "@/server/clock";
import { defineAction, withError } from "@/server/http/define-action";
import { beginTwoFactorEnrolment, discardPendingTwoFactor } from "@/server/two-factor/begin-two-factor-enrolment";
import { confirmTwoFactorEnrolment } from "@/server/two-factor/confirm-two-factor-enrolment";
import { regenerateRecoveryCodes } from "@/server/two-factor/regenerate-recovery-codes";
import { turnOffTwoFactor } from "@/server/two-factor/turn-off-two-factor";

const PAGE = "/account/two-factor";
// Every form of the page posts its code field, empty or not: one without it is a forged post.
const ZCode = z.string().max(40);

/** Shows a fresh secret and its QR code, not in force until confirmed. */
export const beginTwoFactorAction = defineAction({
  route: PAGE,
  name: "beginTwoFactorAction",
  input: z.object({}),
  back: PAGE,
  async run({ actor, db }) {
    const result = await beginTwoFactorEnrolment({ db, actor });
    if (!result.ok) redirect(withError(PAGE, result.code));
    revalidatePath(PAGE);
    redirect(PAGE);
  },
});

/** Drops a secret shown but not confirmed (scanned into the wrong app, say): the person may begin again. */
export const discardTwoFactorAction = defineAction({
  route: PAGE,
  name: "discardTwoFactorAction",
  input: z.object({}),
  back: PAGE,
  async run({ actor, db }) {
    await discardPendingTwoFactor({ db, userId: actor.id });
    revalidatePath(PAGE);
    redirect(PAGE);
  },
});

export const confirmTwoFactorAction = defineAction({
  route: PAGE,
  name: "confirmTwoFactorAction",
  state: true,
  input: z.object({ code: ZCode }),
  async run({ actor, db, input: { code } }): Promise<TRecoveryCodesState> {
    const { now } = await readCurrentTime();
    const result = await confirmTwoFactorEnrolment({ db, actor, code, now });
    // No revalidation: the page would render the factor as set up and drop the codes before they were read.
    if (!result.ok) return { error: result.code };
    return { recoveryCodes: result.recoveryCodes };
  },
});

export const regenerateRecoveryCodesAction = defineAction({
  route: PAGE,
  name: "regenerateRecoveryCodesAction",
  state: true,
  input: z.object({}),
  async run({ actor, db }): Promise<TRecoveryCodesState> {
    const result = await regenerateRecoveryCodes({ db, actor });
    if (!result.ok) return { error: result.code };
    return { recoveryCodes: result.recoveryCodes };
  },
});

/** Turns the second factor off where it is not required, with a current code or a recovery code. */
export const turnOffTwoFactorAction = defineAction({
  route: PAGE,
  name: "turnOffTwoFactorAction",
  input: z.object({ code: ZCode }),
  back: PAGE,
  async run({ actor, db, input: { code } }) {
    const { now } = await readCurrentTime();
    const result = await turnOffTwoFactor({ db, actor, typed: code, now });
    if (!result.ok) redirect(withError(`${PAGE}#turn-off`, result.code));
    redirect(`${PAGE}?saved=off`);
  },
});
