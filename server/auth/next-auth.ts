/**
 * Auth.js (next-auth v5, pinned beta): credentials sign-in with argon2id hashes and, where configured, the
 * government's unified identity provider over OpenID Connect (identity-provider.ts); stateless JWT sessions in an
 * encrypted cookie. v5 over v4 because its `auth()` works the same in server components, server actions and route
 * handlers, which is how every page and action here gets the session. The JWT carries the user id, the session
 * version it was issued under and its times (server/auth/session-lifetime.ts); the actor (role, department,
 * companies) is loaded fresh on each request and only while that version is current (server/auth/actor.ts).
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { roles } from "@/db/schema";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { checkPlainText } from "@/lib/text/plain-text";
import { getEnv } from "@/server/env";
import { logger } from "@/server/log/logger";
import { readCurrentTime } from "@/server/clock";
import { openPendingSignIn, sealPendingSignIn } from "@/server/two-factor/pending-sign-in";
import { hasSecondFactor, signInWithSecondFactor } from "@/server/two-factor/sign-in-with-second-factor";
import { readAuthSecret } from "./auth-secret";
import { buildIdentityProvider, identityOutcomeOf } from "./identity-provider";
import { SIGNED_IN_VIA_PROVIDER } from "./provider-sign-out";
import { continueSession, sessionLimitsOf, startSessionClaims } from "./session-lifetime";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { signInWithPassword } from "./sign-in-with-password";
import { sourceAddressOf } from "./source-address";

const ZCredentials = z.object({
  // A name with a control character is nobody's (and a NUL would be a database error): a wrong name, not a query.
  username: z.string().trim().min(1).max(64).refine((name) => checkPlainText(name).ok),
  password: z.string().min(1).max(200),
  /** A client posting to the credentials endpoint may send the code with the password, in one post. */
  code: z.string().max(40).optional(),
});

/** The second step of a staff sign-in: the sealed pending sign-in (never the password) and the code. */
const ZSecondStep = z.object({ pending: z.string().min(1).max(4000), code: z.string().max(40) });

// Auth.js's errors caused by what a client sent, not by this server (@auth/core/errors).
const clientErrorTypes = new Set(["UnknownAction", "InvalidProvider", "InvalidCallbackUrl", "MissingCSRF", "InvalidCheck", "UntrustedHost"]);

/** What authorize() hands the jwt callback at sign-in. */
const ZSignedInUser = z.object({ id: z.string(), role: z.enum(roles), sessionVersion: z.number().int() });

/** The sign-in throttle said wait: the form says so, and the credentials endpoint answers 429 (see its route). */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/**
 * The password was right and the account signs in with a second factor: no session yet. The sign-in action carries
 * `pendingToken` (sealed, 5 minutes, this user only: server/two-factor/pending-sign-in.ts) to the code step.
 */
export class SecondFactorNeeded extends CredentialsSignin {
  code = "second-factor";
  constructor(readonly pendingToken: string) {
    super();
  }
}

/** The second step refused the code (wrong, reused, a spent recovery code) or the pending sign-in (expired). */
export class SecondFactorRefused extends CredentialsSignin {
  constructor(readonly refusal: "invalid:two-factor-code" | "conflict:two-factor-code-reused" | "conflict:recovery-code-used" | "expired:sign-in-step") {
    super();
    this.code = refusal;
  }
}

// Auth.js turns a failed credentials post into a redirect; the route needs the wait to answer 429 with Retry-After.
const throttledRequests = new WeakMap<Request, number>();

/** The wait the throttle imposed while Auth.js handled `request`, if it did. */
export function throttleWaitOf(request: Request): number | undefined {
  return throttledRequests.get(request);
}

export const { handlers, auth, signIn, signOut } = NextAuth((incoming) => {
  const env = getEnv();
  const limits = sessionLimitsOf(env);
  // Auth.js builds the addresses it answers with (where to go after signing in or out, its own endpoints) from the
  // host the replica sees, which behind a proxy may be localhost:PORT. The portal's public address is known: it
  // reads that from AUTH_URL, and only from the process environment.
  if (env.publicBaseUrlGiven) process.env.AUTH_URL ??= env.PUBLIC_BASE_URL;
  const identityProvider = buildIdentityProvider(env);
  return {
    secret: readAuthSecret(),
    trustHost: true,
    // The cookie's own expiry; the absolute lifetime and the idle timeout are enforced by the jwt callback.
    session: { strategy: "jwt", maxAge: limits.maxAgeSeconds },
    // Auth.js's own format, with the derived key kept instead of derived again for every cookie (session-token.ts).
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    // Auth.js's own error page answers 500 to ?error=Configuration (anyone can ask for it): errors go back to sign-in.
    pages: { signIn: "/login", error: "/login" },
    logger: {
      // A wrong password or a throttled attempt is answered on the form, not a server error worth a stack trace; an
      // address or post Auth.js cannot read is the sender's mistake (anyone can send them), worth a debug line at most.
      error(error) {
        const type = (error as { type?: string }).type;
        if (type === "CredentialsSignin") return;
        if (type && clientErrorTypes.has(type)) return logger.debug({ err: error }, "Auth.js refused a request");
        logger.error({ err: error }, "sign-in failed");
      },
    },
    providers: [
      Credentials({
        credentials: { username: {}, password: {} },
        // Both the /login action (through signIn) and a post to /api/auth/callback/credentials arrive here, with the
        // headers of the request that reached the server.
        async authorize(raw, request) {
          const address = sourceAddressOf({ forwardedFor: request.headers.get("x-forwarded-for"), trustedProxyCount: env.TRUSTED_PROXY_COUNT });
          const throttled = (retryAfterSeconds: number) => {
            if (incoming) throttledRequests.set(incoming, retryAfterSeconds);
            return new SignInThrottled(retryAfterSeconds);
          };
          // The code step, or a code sent with the password: checked at the test clock's time where a journey set one.
          const secondStep = async (pending: Awaited<ReturnType<typeof openPendingSignIn>>, typed: string) => {
            const { now } = await readCurrentTime();
            const result = await signInWithSecondFactor({ db: getDb(), pending, typed, address, now });
            if (result.ok) return { id: result.user.id, name: result.user.displayName, role: result.user.role, sessionVersion: result.user.sessionVersion };
            throw result.code === "throttled" ? throttled(result.retryAfterSeconds) : new SecondFactorRefused(result.code);
          };
          const step = ZSecondStep.safeParse(raw);
          // Auth.js refuses to start without it; the pending sign-in is sealed under the same secret, another salt.
          const secret = readAuthSecret()!;
          if (step.success) return secondStep(await openPendingSignIn({ secret, token: step.data.pending }), step.data.code);

          const parsed = ZCredentials.safeParse(raw);
          if (!parsed.success) return null;
          const { code, ...credentials } = parsed.data;
          const result = await signInWithPassword({ db: getDb(), ...credentials, address });
          if (result.ok) {
            const { id, sessionVersion } = result.user;
            if (await hasSecondFactor({ db: getDb(), userId: id })) {
              if (code !== undefined) return secondStep({ userId: id, sessionVersion }, code);
              throw new SecondFactorNeeded(await sealPendingSignIn({ secret, userId: id, sessionVersion }));
            }
            const user = { id, name: result.user.displayName, role: result.user.role, sessionVersion };
            return user;
          }
          if (result.code === "throttled") throw throttled(result.retryAfterSeconds);
          return null;
        },
      }),
      ...(identityProvider ? [identityProvider] : []),
    ],
    callbacks: {
      // A person the identity provider vouched for but the register refused (identity-provider.ts) goes back to
      // /login, which says why in their language; everyone else goes on.
      signIn({ user }) {
        const identity = identityOutcomeOf(user);
        return identity && "refusal" in identity ? `/login?error=${encodeURIComponent(identity.refusal)}` : true;
      },
      // The credentials endpoint's callbackUrl goes through the same check as every other post-action destination.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, baseUrl)}`;
      },
      // Runs whenever a session cookie is read (every auth() call, /api/auth/session, the proxy) and at sign-in.
      // Returning null ends the session; where a response can carry cookies, Auth.js then deletes the cookie.
      jwt({ token, user }) {
        const now = new Date();
        if (user) {
          // Through the identity provider, the portal's user travels beside the id Auth.js made up for it; the session
          // remembers where it began, so that signing out ends the provider's session too (provider-sign-out.ts).
          const identity = identityOutcomeOf(user);
          const signedIn = identity && "portalUser" in identity ? identity.portalUser : ZSignedInUser.parse(user);
          return { ...token, ...startSessionClaims({ user: signedIn, now }), ...(identity && "portalUser" in identity ? { via: SIGNED_IN_VIA_PROVIDER } : {}) };
        }
        const verdict = continueSession({ token, now, limits });
        return verdict.live ? { ...token, ...verdict.claims } : null;
      },
      session({ session, token }) {
        const withVersion = { ...session, user: { ...session.user, id: token.sub ?? "" }, sessionVersion: token.sessionVersion };
        return withVersion;
      },
    },
  };
});
