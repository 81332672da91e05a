/**
 * The edge of the application (Next.js "proxy", formerly middleware): runs before every request — pages, server
 * actions, route handlers, static files, error pages — and
 *
 * 1. refuses a state-changing request sent from another site (403; lib/http/same-origin.ts),
 * 2. refuses a body larger than its page may take, by its Content-Length, before the application reads it
 *    (413, or 411 for a body of unknown length; lib/http/body-limit.ts),
 * 3. while PostgreSQL cannot be reached, answers a page or API read with 503 at once
 *    (server/health/answer-while-database-down.ts) instead of letting it fail deep in a page,
 * 4. gives every response the security headers, with a new CSP nonce that Next.js puts on its own scripts
 *    (lib/http/security-headers.ts) — but a material's bytes the sandboxing policy (lib/http/file-response-headers.ts),
 * 5. gives the request an id (X-Request-Id, kept from the proxy in front when it sent one) that the audit trail
 *    records and the response carries,
 * 6. re-issues the session cookie through Auth.js on pages, actions and route handlers, so that a page view or an
 *    action counts as activity for the idle timeout (server components cannot set cookies themselves) — once a
 *    minute at most: a cookie re-issued within the last minute is only read (server/auth/read-session.ts); a session
 *    past its absolute lifetime or idle timeout gets its cookie deleted here (server/auth/session-lifetime.ts).
 *
 * Refusals answer with a small page in the reader's language (server/http/refusal-page.ts). A server action called
 * with JavaScript cannot show a page from its fetch, so its 413 also tells Next.js's client to go to
 * /request-too-large, which shows the same page.
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { checkBodySize } from "@/lib/http/body-limit";
import { isDecodablePath } from "@/lib/http/decodable-path";
import { requestIdOf } from "@/lib/http/request-id";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { checkSameOrigin } from "@/lib/http/same-origin";
import { fileContentSecurityPolicy, isFileAddress } from "@/lib/http/file-response-headers";
import { buildSecurityHeaders, createNonce } from "@/lib/http/security-headers";
import { hasSessionCookie } from "@/server/auth/has-session-cookie";
import { identityProviderOrigin } from "@/server/auth/identity-provider";
import { auth } from "@/server/auth/next-auth";
import { readSession } from "@/server/auth/read-session";
import { answerWhileDatabaseDown } from "@/server/health/answer-while-database-down";
import { reachedOverHttps } from "@/server/http/reached-over-https";
import { readerOf, renderRefusalPage, type TRefusal } from "@/server/http/refusal-page";

// With a lazily built config (NextAuth(() => config), as in next-auth.ts) next-auth's wrapper form hands back a
// promise of the handler, though its type says the handler itself; awaiting covers both. (The event parameter picks
// the proxy overload of auth() over the route handler one.)
const guardWithSession = auth((request, _event: NextFetchEvent) => guardRequest(request));

// Not for static files, the health check (load balancers poll it) or Auth.js's own routes (they handle the cookie).
const sessionless = /^\/(?:_next\/static|_next\/image|favicon\.ico|api\/health|api\/auth\/)/;

// Auth.js's session cookie, possibly in chunks; without one there is no session to refresh, and Auth.js would only
// hand an anonymous visitor (or a refused request) cookies it has no use for.
const sessionCookie = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

export async function proxy(request: NextRequest, event?: NextFetchEvent): Promise<Response> {
  const signedIn = request.cookies.getAll().some(({ name }) => sessionCookie.test(name));
  if (!signedIn || sessionless.test(request.nextUrl.pathname) || !event) return guardRequest(request);
  // Sealing a new cookie (and Auth.js's handling around it) cost more than the rest of the proxy together.
  const session = await readSession({ cookies: request.cookies.getAll(), now: new Date() });
  if (session && !session.reissueDue) return guardRequest(request);
  const handler = await guardWithSession;
  // Auth.js's wrapper always answers: the guard's response with the refreshed (or deleted) session cookie added.
  return (await handler(request, event)) as Response;
}

async function guardRequest(request: NextRequest): Promise<Response> {
  const nonce = createNonce();
  const https = reachedOverHttps(request);
  // The sign-in page's identity button posts, and is answered with a redirect to the identity provider; so does the
  // header's sign-out, on every page, for a session begun there (server/auth/provider-sign-out.ts).
  const identityOrigin = identityProviderOrigin();
  const securityHeaders = buildSecurityHeaders({ nonce, https, development: process.env.NODE_ENV === "development", formTargets: identityOrigin ? [identityOrigin] : [] });
  const method = request.method.toUpperCase();

  // An address whose escapes do not decode (/services/%FF) would fail inside Next.js with a bare 500.
  if (!isDecodablePath(request.nextUrl.pathname)) {
    return new NextResponse("Bad Request: the address is not valid.\n", {
      status: 400,
      headers: { ...securityHeaders, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }

  const origin = checkSameOrigin({
    method,
    origin: request.headers.get("origin"),
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    secFetchSite: request.headers.get("sec-fetch-site"),
  });
  if (!origin.ok) return refuse(request, { status: 403, refusal: { kind: "foreign-origin" }, securityHeaders, nonce });

  const size = await checkBodySize({
    method,
    pathname: request.nextUrl.pathname,
    contentLength: request.headers.get("content-length"),
    transferEncoding: request.headers.get("transfer-encoding"),
    isSignedIn: () => hasSessionCookie({ headers: request.headers, https }),
  });
  if (!size.ok && size.status === 411) {
    return new NextResponse("Length Required: send the body with a Content-Length.\n", {
      status: 411,
      headers: { ...securityHeaders, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  if (!size.ok) {
    const back = safeRedirectPath(`${request.nextUrl.pathname}${request.nextUrl.search}`);
    const response = refuse(request, { status: 413, refusal: { kind: "too-large", limit: size.limit, back }, securityHeaders, nonce });
    // Next.js's client reads this header on a server action's answer and loads that page in place of the form.
    if (request.headers.has("next-action")) response.headers.set("x-action-redirect", `/request-too-large?back=${encodeURIComponent(back)}`);
    return response;
  }

  // /api/health says for itself; static files need no database; a post during an outage fails like any error,
  // which tells the server the database is down, and the page after it is the 503 page.
  const pathname = request.nextUrl.pathname;
  const hasBody = request.headers.has("content-length") || request.headers.has("transfer-encoding");
  if (!hasBody && pathname !== "/api/health" && !pathname.startsWith("/_next/")) {
    const unavailable = await answerWhileDatabaseDown(request, { nonce });
    if (unavailable) {
      for (const [name, value] of Object.entries(securityHeaders)) unavailable.headers.set(name, value);
      return unavailable;
    }
  }

  // Next.js reads the nonce from the request's CSP header while it renders; /request-too-large reads x-nonce.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", securityHeaders["Content-Security-Policy"]);
  requestHeaders.set("x-nonce", nonce);
  // The audit trail's request id (server/audit/request-context.ts): the proxy in front's, else one made here; the
  // response carries it, so a person can quote it.
  const requestId = requestIdOf(request.headers.get("x-request-id"));
  requestHeaders.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  response.headers.set("X-Request-Id", requestId);
  // A header set here wins over the route handler's own (Next.js keeps the first), so an uploaded file gets its
  // sandboxing policy here, not the page policy that would let it act as a page of the site.
  if (isFileAddress(pathname)) response.headers.set("Content-Security-Policy", fileContentSecurityPolicy);
  return response;
}

function refuse(
  request: NextRequest,
  { status, refusal, securityHeaders, nonce }: { status: 403 | 413; refusal: TRefusal; securityHeaders: Record<string, string>; nonce: string },
): Response {
  const html = renderRefusalPage({ refusal, ...readerOf(request), nonce });
  return new NextResponse(html, {
    status,
    headers: { ...securityHeaders, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}
