"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TChangePasswordState } from "@/components/auth/change-password-form";
import { changeOwnPassword } from "@/server/auth/change-own-password";
import { SecondFactorNeeded, signIn } from "@/server/auth/next-auth";
import { homeOf } from "@/server/auth/session";
import { defineAction } from "@/server/http/define-action";
import { keepPendingSignIn } from "@/server/two-factor/pending-sign-in-cookie";

const ZPassword = z.string().max(1000).catch("");

/**
 * Sets the person's own password. The change ends every session of theirs, this one too; so they are signed in
 * again with the new password through the one sign-in path (its throttle and checks), and go on to their start page
 * (by way of the code step, for a person with a second factor).
 */
export const changePasswordAction = defineAction({
  route: "/account/password",
  name: "changePasswordAction",
  state: true,
  input: z.object({ current: ZPassword, password: ZPassword, confirm: ZPassword }),
  async run({ actor, db, input }): Promise<TChangePasswordState> {
    const result = await changeOwnPassword({ db, actor, ...input });
    if (!result.ok) return { error: result.code, fields: "fields" in result ? result.fields : undefined };
    try {
      await signIn("credentials", { username: result.username, password: input.password, redirect: false });
    } catch (error) {
      // A person with a second factor gives their code, as at any sign-in.
      if (error instanceof SecondFactorNeeded) {
        await keepPendingSignIn(error.pendingToken);
        redirect("/login/code");
      }
      // Throttled or refused after all: the password is changed; signing in by hand works once the wait ends.
      if (error instanceof AuthError) redirect("/login?changed=1");
      throw error;
    }
    redirect(homeOf(actor.role));
  },
});
