"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TSignInState } from "@/components/auth/login-form";
import { users } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { IDENTITY_PROVIDER_ID, identitySignInEnabled } from "@/server/auth/identity-provider";
import { SecondFactorNeeded, SignInThrottled, signIn, signOut } from "@/server/auth/next-auth";
import { providerSignOutUrl } from "@/server/auth/provider-sign-out";
import { revokeSessions } from "@/server/auth/revoke-sessions";
import { homeOf } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { defineAction, withError } from "@/server/http/define-action";
import { keepPendingSignIn } from "@/server/two-factor/pending-sign-in-cookie";

// A missing or non-text field reads as empty, and empty is "enter your user name and password".
const ZSignIn = z.object({
  username: z.string().trim().max(64).catch(""),
  password: z.string().max(200).catch(""),
  callbackUrl: z.string().max(500).optional().catch(undefined),
});

export const signInAction = defineAction({
  route: "/login",
  name: "signInAction",
  state: true,
  input: ZSignIn,
  async run({ db, input: { username, password, callbackUrl } }): Promise<TSignInState> {
    if (!username || !password) return { error: "invalid:sign-in-missing", username };
    try {
      await signIn("credentials", { username, password, redirect: false });
    } catch (error) {
      // The account signs in with a second factor: on to the code step, carrying who passed the password, sealed.
      if (error instanceof SecondFactorNeeded) {
        await keepPendingSignIn(error.pendingToken);
        redirect(callbackUrl ? `/login/code?callbackUrl=${encodeURIComponent(safeRedirectPath(callbackUrl))}` : "/login/code");
      }
      if (error instanceof SignInThrottled) {
        return { error: "rate-limited:sign-in", username, retryAfterMinutes: Math.ceil(error.retryAfterSeconds / 60) };
      }
      if (error instanceof AuthError) return { error: "invalid:sign-in", username };
      throw error;
    }
    const [user] = await db.select({ role: users.role }).from(users).where(eq(users.username, username)).limit(1);
    redirect(callbackUrl ? safeRedirectPath(callbackUrl) : homeOf(user.role));
  },
});

/**
 * Off to the unified identity provider: Auth.js answers with its authorization address (PKCE, state and nonce in
 * cookies), and the provider sends the person back to /api/auth/callback/oidc, then to `callbackUrl` — or /me, where
 * every applicant starts. Without a provider configured there is no button; a post anyway lands on /login.
 */
export const signInWithIdentityAction = defineAction({
  route: "/login",
  name: "signInWithIdentityAction",
  input: z.object({ callbackUrl: z.string().max(500).optional().catch(undefined) }),
  back: "/login",
  async run({ input: { callbackUrl } }) {
    if (!identitySignInEnabled()) redirect("/login");
    try {
      await signIn(IDENTITY_PROVIDER_ID, { redirectTo: callbackUrl ? safeRedirectPath(callbackUrl) : "/me" });
    } catch (error) {
      // The provider could not be reached or did not describe itself (discovery failed): say so on the page.
      if (error instanceof AuthError) redirect(withError("/login", "invalid:identity-sign-in"));
      throw error;
    }
  },
});

/** Ends this person's sessions everywhere — a copy of the cookie taken before stops working too — then the cookie. */
export const signOutAction = defineAction({
  route: "/login",
  name: "signOutAction",
  input: z.object({}),
  back: "/",
  async run({ actor, db }) {
    // Asked before the cookie goes: whether this session began at the identity provider, whose session ends next.
    const atProvider = await providerSignOutUrl({ cookies: (await cookies()).getAll(), env: getEnv() });
    if (actor) await revokeSessions({ db, userId: actor.id });
    await signOut({ redirect: false });
    redirect(atProvider ?? "/");
  },
});
