"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { users } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { readAuthSecret } from "@/server/auth/auth-secret";
import { SecondFactorRefused, SignInThrottled, signIn } from "@/server/auth/next-auth";
import { homeOf } from "@/server/auth/session";
import { defineAction } from "@/server/http/define-action";
import { openPendingSignIn } from "@/server/two-factor/pending-sign-in";
import { forgetPendingSignIn, readPendingSignInToken } from "@/server/two-factor/pending-sign-in-cookie";

function codePage(callbackUrl: string | undefined, outcome: Record<string, string>) {
  const query = new URLSearchParams({ ...outcome, ...(callbackUrl ? { callbackUrl: safeRedirectPath(callbackUrl) } : {}) });
  return `/login/code?${query}`;
}

/**
 * The second step of a staff sign-in: the code (or a recovery code) with the pending sign-in from its cookie,
 * through the one credentials sign-in (its throttle, its checks). Only now does a session exist.
 */
export const submitSignInCodeAction = defineAction({
  route: "/login/code",
  name: "submitSignInCodeAction",
  input: z.object({ code: z.string().max(40), callbackUrl: z.string().max(500).optional().catch(undefined) }),
  back: "/login/code",
  async run({ db, input: { code, callbackUrl } }) {
    const pending = await readPendingSignInToken();
    if (!pending) redirect(codePage(callbackUrl, { error: "expired:sign-in-step" }));
    if (!code.trim()) redirect(codePage(callbackUrl, { error: "invalid:two-factor-code" }));
    try {
      await signIn("credentials", { pending, code, redirect: false });
    } catch (error) {
      if (error instanceof SignInThrottled) redirect(codePage(callbackUrl, { error: "rate-limited:sign-in", minutes: String(Math.ceil(error.retryAfterSeconds / 60)) }));
      if (error instanceof SecondFactorRefused) {
        if (error.refusal === "expired:sign-in-step") await forgetPendingSignIn();
        redirect(codePage(callbackUrl, { error: error.refusal }));
      }
      if (error instanceof AuthError) redirect(codePage(callbackUrl, { error: "invalid:two-factor-code" }));
      throw error;
    }
    await forgetPendingSignIn();
    const signedIn = await openPendingSignIn({ secret: readAuthSecret()!, token: pending });
    const [user] = signedIn ? await db.select({ role: users.role }).from(users).where(eq(users.id, signedIn.userId)).limit(1) : [];
    redirect(callbackUrl ? safeRedirectPath(callbackUrl) : user ? homeOf(user.role) : "/");
  },
});

/** Starts the sign-in again from the password: the pending step is dropped. */
export const restartSignInAction = defineAction({
  route: "/login/code",
  name: "restartSignInAction",
  input: z.object({}),
  back: "/login",
  async run() {
    await forgetPendingSignIn();
    redirect("/login");
  },
});
