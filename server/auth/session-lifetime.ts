/**
 * How long a session lives: at most SESSION_MAX_HOURS after signing in, and only while it is used — a staff member's
 * ends after SESSION_IDLE_MINUTES_STAFF without a page view or action, an applicant's after
 * SESSION_IDLE_MINUTES_APPLICANT. The times travel in the encrypted session cookie (the JWT); these rules are pure,
 * with the clock passed in. Revocation (sign-out, role or password change) is the other half: server/auth/actor.ts.
 */
import { z } from "zod";
import type { TRole } from "@/db/schema";

export const sessionAudiences = ["staff", "applicant"] as const;
export type TSessionAudience = (typeof sessionAudiences)[number];

export type TSessionLimits = { maxAgeSeconds: number; idleSeconds: Record<TSessionAudience, number> };

/** What the session cookie carries besides the user id (`sub`). Times are epoch seconds, as in JWT claims. */
export const ZSessionClaims = z.object({
  sub: z.string().min(1),
  /** users.session_version when the session began: it ends once that moves on. */
  sessionVersion: z.number().int(),
  signedInAt: z.number(),
  activeAt: z.number(),
  audience: z.enum(sessionAudiences),
});
export type TSessionClaims = z.infer<typeof ZSessionClaims>;

export function audienceOf(role: TRole): TSessionAudience {
  return role === "citizen" || role === "enterprise" ? "applicant" : "staff";
}

export function sessionLimitsOf(env: { SESSION_MAX_HOURS: number; SESSION_IDLE_MINUTES_STAFF: number; SESSION_IDLE_MINUTES_APPLICANT: number }): TSessionLimits {
  return {
    maxAgeSeconds: Math.round(env.SESSION_MAX_HOURS * 60 * 60),
    idleSeconds: { staff: env.SESSION_IDLE_MINUTES_STAFF * 60, applicant: env.SESSION_IDLE_MINUTES_APPLICANT * 60 },
  };
}

export function startSessionClaims({ user, now }: { user: { id: string; role: TRole; sessionVersion: number }; now: Date }): TSessionClaims {
  const seconds = Math.floor(now.getTime() / 1000);
  return { sub: user.id, sessionVersion: user.sessionVersion, signedInAt: seconds, activeAt: seconds, audience: audienceOf(user.role) };
}

export type TSessionVerdict = { live: true; claims: TSessionClaims } | { live: false; reason: "malformed" | "expired" | "idle" };

/**
 * Whether the session a cookie carries still lives at `now`; if so, its claims with this use recorded as activity.
 * A cookie from before these claims existed is "malformed": its holder signs in again.
 */
export function continueSession({ token, now, limits }: { token: unknown; now: Date; limits: TSessionLimits }): TSessionVerdict {
  const parsed = ZSessionClaims.safeParse(token);
  if (!parsed.success) return { live: false, reason: "malformed" };
  const claims = parsed.data;
  const seconds = Math.floor(now.getTime() / 1000);
  if (seconds - claims.signedInAt >= limits.maxAgeSeconds) return { live: false, reason: "expired" };
  if (seconds - claims.activeAt >= limits.idleSeconds[claims.audience]) return { live: false, reason: "idle" };
  return { live: true, claims: { ...claims, activeAt: Math.max(claims.activeAt, seconds) } };
}
