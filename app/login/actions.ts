"use server";

import { eq } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TSignInState } from "@/components/auth/login-form";
import { users } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { SignInThrottled, signIn, signOut } from "@/server/auth/next-auth";
import { revokeSessions } from "@/server/auth/revoke-sessions";
import { homeOf } from "@/server/auth/session";
import { defineAction } from "@/server/http/define-action";

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

/** Ends this person's sessions everywhere — a copy of the cookie taken before stops working too — then the cookie. */
export const signOutAction = defineAction({
  route: "/login",
  name: "signOutAction",
  input: z.object({}),
  back: "/",
  async run({ actor, db }) {
    if (actor) await revokeSessions({ db, userId: actor.id });
    await signOut({ redirect: false });
    redirect("/");
  },
});
