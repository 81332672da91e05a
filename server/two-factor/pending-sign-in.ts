/**
 * The sign-in between its two steps: the password was right, the code is still to come. Carried in a cookie as a
 * sealed token (Auth.js's JWE format, session-token.ts) under a salt of its own, so it can never pass for a session
 * cookie nor a session cookie for it; it names the user and the session version it was issued under (a sign-out or
 * password change meanwhile voids it) and lives 5 minutes. It holds no password: the second step never sees one.
 */
import { decodeSessionToken, encodeSessionToken } from "@/server/auth/session-token";

export const PENDING_SIGN_IN_COOKIE = "onedoor-sign-in-step";
export const PENDING_SIGN_IN_SECONDS = 5 * 60;
const SALT = "onedoor.pending-second-factor";
const PURPOSE = "second-factor";

export type TPendingSignIn = { userId: string; sessionVersion: number };

export async function sealPendingSignIn({ secret, userId, sessionVersion }: TPendingSignIn & { secret: string }): Promise<string> {
  return encodeSessionToken({ token: { sub: userId, purpose: PURPOSE, sessionVersion }, secret, salt: SALT, maxAge: PENDING_SIGN_IN_SECONDS });
}

/** The pending sign-in the token carries, or null when it is not one of ours, is for something else, or has expired. */
export async function openPendingSignIn({ secret, token }: { secret: string; token: string }): Promise<TPendingSignIn | null> {
  try {
    const payload = await decodeSessionToken({ token, secret, salt: SALT });
    // decodeSessionToken allows 15 s of clock skew between replicas; the step's 5 minutes are counted strictly.
    if (!payload || payload.purpose !== PURPOSE || typeof payload.sub !== "string" || typeof payload.sessionVersion !== "number") return null;
    if (typeof payload.exp !== "number" || payload.exp * 1000 <= Date.now()) return null;
    return { userId: payload.sub, sessionVersion: payload.sessionVersion };
  } catch {
    return null;
  }
}
