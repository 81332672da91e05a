/**
 * The session a request's cookie carries, read without Auth.js's request machinery: the same seal
 * (session-token.ts) and the same rules (session-lifetime.ts) that Auth.js's jwt callback applies (next-auth.ts).
 * Auth.js's `auth()` builds a request, runs its whole session endpoint and seals a new cookie that a page cannot
 * even send; this reads the one cookie and nothing else.
 */
import { getEnv } from "@/server/env";
import { readAuthSecret } from "./auth-secret";
import { continueSession, sessionLimitsOf, ZSessionClaims, type TSessionClaims } from "./session-lifetime";
import { decodeSessionToken, findSessionCookie } from "./session-token";

/**
 * How long a re-issued cookie is taken as recent activity: proxy.ts seals a new one (recording the activity for the
 * idle timeout) only when the last is older than this, so idle timeouts run up to a minute long, and a page view
 * costs one opening of the cookie instead of an opening and a sealing.
 */
export const reissueAfterSeconds = 60;

export type TReadSession = { claims: TSessionClaims; reissueDue: boolean };

/** The live session of `cookies` at `now`, or null: no cookie, one not sealed with this site's secret, expired or idle. */
export async function readSession({ cookies, now }: { cookies: { name: string; value: string }[]; now: Date }): Promise<TReadSession | null> {
  const secret = readAuthSecret();
  const cookie = findSessionCookie(cookies);
  if (!secret || !cookie) return null;
  const payload = await decodeSessionToken({ token: cookie.value, secret, salt: cookie.name }).catch(() => null);
  const sealed = ZSessionClaims.safeParse(payload);
  if (!sealed.success) return null;
  const verdict = continueSession({ token: sealed.data, now, limits: sessionLimitsOf(getEnv()) });
  if (!verdict.live) return null;
  return { claims: sealed.data, reissueDue: Math.floor(now.getTime() / 1000) - sealed.data.activeAt >= reissueAfterSeconds };
}
