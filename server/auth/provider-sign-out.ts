/**
 * Signing out of the portal after signing in through the unified identity provider ends the provider's session too
 * (OpenID Connect RP-Initiated Logout 1.0): otherwise, on a shared computer, the next press of 统一身份认证登录 signed
 * the same person in again while the provider's session lasted. The portal sends the browser to the provider's
 * end_session_endpoint (from its discovery document) with the portal's client id and /login to come back to — never
 * the ID token, which may carry the person's numbers and would then sit in an address and the browser's history.
 * The provider asks the person to confirm, as it must when it cannot tell who asks.
 */
import { z } from "zod";
import type { TEnv } from "@/server/env";
import { logger } from "@/server/log/logger";
import { readAuthSecret } from "./auth-secret";
import { identitySignInEnabled } from "./identity-provider";
import { decodeSessionToken, findSessionCookie } from "./session-token";

/** The claim the jwt callback adds to a session begun at the provider (next-auth.ts). */
export const SIGNED_IN_VIA_PROVIDER = "identity-provider";

const ZDiscovery = z.object({ end_session_endpoint: z.url({ protocol: /^https?$/ }).optional() });

// The provider's end_session_endpoint, asked once per process (its discovery document changes with its deployment).
const endpoints = new Map<string, Promise<string | null>>();

function endSessionEndpointOf(issuer: string): Promise<string | null> {
  let found = endpoints.get(issuer);
  if (!found) {
    found = fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) })
      .then(async (response) => (response.ok ? (ZDiscovery.safeParse(await response.json()).data?.end_session_endpoint ?? null) : null))
      .catch((error: unknown) => {
        logger.warn({ err: error }, "sign-out: the identity provider's discovery document could not be read");
        endpoints.delete(issuer);
        return null;
      });
    endpoints.set(issuer, found);
  }
  return found;
}

/**
 * Where to send the browser once the portal's session has ended, when that session began at the provider and the
 * provider publishes an end_session_endpoint; null otherwise (the portal's own sign-out is then the whole of it).
 */
export async function providerSignOutUrl({ cookies, env }: { cookies: { name: string; value: string }[]; env: TEnv }): Promise<string | null> {
  if (!identitySignInEnabled(env) || !env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  const secret = readAuthSecret();
  const cookie = findSessionCookie(cookies);
  if (!secret || !cookie) return null;
  const payload = await decodeSessionToken({ token: cookie.value, secret, salt: cookie.name }).catch(() => null);
  if (z.object({ via: z.literal(SIGNED_IN_VIA_PROVIDER) }).safeParse(payload).success === false) return null;
  const endpoint = await endSessionEndpointOf(env.OIDC_ISSUER);
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set("client_id", env.OIDC_CLIENT_ID);
  url.searchParams.set("post_logout_redirect_uri", `${env.PUBLIC_BASE_URL.replace(/\/$/, "")}/login`);
  return url.toString();
}
