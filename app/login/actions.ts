"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { actionForm } from "@/lib/http/action-form";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { SignInThrottled, signIn, signOut } from "@/server/auth/next-auth";
import { revokeSessions } from "@/server/auth/revoke-sessions";
import { getActor, homeOf } from "@/server/auth/session";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

export type TSignInState = { error?: "missing" | "invalid" | "throttled"; username?: string; retryAfterMinutes?: number };

const ZSignIn = z.object({
  username: z.string().trim().max(64),
  password: z.string().max(200),
  callbackUrl: z.string().max(500).optional(),
});

export async function signInAction(_state: TSignInState, formData: FormData): Promise<TSignInState> {
  formData = actionForm(formData);
  const parsed = ZSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !parsed.data.username || !parsed.data.password) {
    return { error: "missing", username: parsed.success ? parsed.data.username : "" };
  }
  const { username, password } = parsed.data;
  try {
    await signIn("credentials", { username, password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return { error: "throttled", username, retryAfterMinutes: Math.ceil(error.retryAfterSeconds / 60) };
    }
    if (error instanceof AuthError) return { error: "invalid", username };
    throw error;
  }
  const [user] = await getDb().select({ role: users.role }).from(users).where(eq(users.username, username)).limit(1);
  redirect(parsed.data.callbackUrl ? safeRedirectPath(parsed.data.callbackUrl) : homeOf(user.role));
}

/** Ends this person's sessions everywhere — a copy of the cookie taken before stops working too — then the cookie. */
export async function signOutAction() {
  const actor = await getActor();
  if (actor) await revokeSessions({ db: getDb(), userId: actor.id });
  await signOut({ redirect: false });
  redirect("/");
}
