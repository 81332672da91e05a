/**
 * The government's unified identity provider (统一身份认证) as an Auth.js OpenID Connect provider, built from the
 * OIDC_* settings (server/env.ts): absent them, there is no provider, no button on /login, and nothing else changes.
 *
 * Auth.js does the protocol — discovery, the authorization request with PKCE, state and nonce, the code exchange,
 * the ID token's signature and claims, the userinfo request (whose subject must be the ID token's). Its profile
 * callback, which receives the userinfo claims, is where the person is found or created here
 * (sign-in-with-identity.ts). Auth.js replaces the id that callback returns with a random one, so the portal's own
 * user travels beside it; a refusal travels the same way, and the signIn callback (next-auth.ts) turns it into a
 * redirect to /login with its code.
 */
import type { OIDCConfig } from "next-auth/providers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import { isErrorCode, type TErrorCode } from "@/server/errors";
import { getEnv, type TEnv } from "@/server/env";
import { logger } from "@/server/log/logger";
import type { TSignedInUser } from "./sign-in-with-password";
import { signInWithIdentity } from "./sign-in-with-identity";

/** The provider's id in Auth.js's addresses: /api/auth/signin/oidc, /api/auth/callback/oidc. */
export const IDENTITY_PROVIDER_ID = "oidc";

/** Whether the deployment has a unified identity provider (all of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET). */
export function identitySignInEnabled(env: TEnv = getEnv()): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

/** The origin sign-in forms are sent on to (the CSP's form-action must allow it), or null without a provider. */
export function identityProviderOrigin(env: TEnv = getEnv()): string | null {
  return identitySignInEnabled(env) && env.OIDC_ISSUER ? new URL(env.OIDC_ISSUER).origin : null;
}

/** The refusals of sign-in-with-identity.ts, which come back to /login as `?error=<code>`. */
const identityRefusals: readonly TErrorCode[] = [
  "invalid:identity-claims",
  "forbidden:identity-unverified",
  "conflict:identity-mismatch",
  "conflict:identity-staff-account",
  "forbidden:identity-disabled",
];

/**
 * What /login says for its `?error=`: a refusal of the register by its own message; anything else Auth.js sends
 * there (the person cancelled at the provider, the provider answered with an error, a state or PKCE check failed)
 * as "did not finish". A password post's own failure (CredentialsSignin) is the password form's business.
 */
export function identityErrorOf(error: string | undefined): TErrorCode | null {
  if (!error || error === "CredentialsSignin") return null;
  return identityRefusals.find((code) => code === error) ?? "invalid:identity-sign-in";
}

/** What the profile callback hands on, beside the id Auth.js overwrites. */
const ZIdentityOutcome = z.union([
  z.object({ portalUser: z.object({ id: z.string(), displayName: z.string(), role: z.enum(roles), sessionVersion: z.number().int() }) }),
  z.object({ refusal: z.string().refine(isErrorCode) }),
]);

/** The portal user a profile callback found, the refusal it made, or null for any other sign-in. */
export function identityOutcomeOf(user: unknown): { portalUser: TSignedInUser } | { refusal: TErrorCode } | null {
  const parsed = ZIdentityOutcome.safeParse(user);
  if (!parsed.success) return null;
  return "portalUser" in parsed.data ? { portalUser: parsed.data.portalUser } : { refusal: parsed.data.refusal as TErrorCode };
}

/** The Auth.js provider, or null when the deployment has none. */
export function buildIdentityProvider(env: TEnv = getEnv()): OIDCConfig<Record<string, unknown>> | null {
  if (!identitySignInEnabled(env) || !env.OIDC_ISSUER) return null;
  const issuer = env.OIDC_ISSUER;
  const names = { idNumber: env.OIDC_CLAIM_ID_NUMBER, idNumberVerified: env.OIDC_CLAIM_ID_VERIFIED, name: env.OIDC_CLAIM_NAME, mobile: env.OIDC_CLAIM_MOBILE };
  return {
    id: IDENTITY_PROVIDER_ID,
    name: "统一身份认证",
    type: "oidc",
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: env.OIDC_SCOPE } },
    checks: ["pkce", "state", "nonce"],
    // The claims come from userinfo: providers release identity claims there, and keep ID tokens small.
    idToken: false,
    async profile(claims) {
      const subject = typeof claims.sub === "string" ? claims.sub : "";
      const result = await signInWithIdentity({ db: getDb(), issuer, claims, names });
      if (!result.ok) {
        // The code says which rule refused; never the claims, which hold the ID number.
        logger.info({ code: result.code }, "sign-in through unified identity refused");
        return { id: subject, refusal: result.code };
      }
      logger.info({ userId: result.user.id, outcome: result.outcome }, "signed in through unified identity");
      return { id: subject, portalUser: result.user };
    },
  };
}
