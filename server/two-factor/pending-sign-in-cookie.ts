/**
 * Where the pending sign-in (pending-sign-in.ts) waits between the password and the code: an HTTP-only cookie for
 * the sign-in pages only, gone after 5 minutes, after the code step succeeds, or when the person starts again.
 */
import { cookies } from "next/headers";
import { getEnv } from "@/server/env";
import { PENDING_SIGN_IN_COOKIE, PENDING_SIGN_IN_SECONDS } from "./pending-sign-in";

const COOKIE_PATH = "/login";

export async function keepPendingSignIn(token: string): Promise<void> {
  (await cookies()).set(PENDING_SIGN_IN_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: COOKIE_PATH,
    maxAge: PENDING_SIGN_IN_SECONDS,
    secure: getEnv().PUBLIC_BASE_URL.startsWith("https:"),
  });
}

export async function readPendingSignInToken(): Promise<string | null> {
  return (await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value ?? null;
}

export async function forgetPendingSignIn(): Promise<void> {
  (await cookies()).delete({ name: PENDING_SIGN_IN_COOKIE, path: COOKIE_PATH });
}
