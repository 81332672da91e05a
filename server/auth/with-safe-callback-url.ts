/**
 * Auth.js treats a callbackUrl it cannot parse — in the query or in its callback-url cookie — as a broken server
 * configuration and answers 500 to every /api/auth request that carries one (`/api/auth/session?callbackUrl=x`).
 * Before Auth.js sees a request, each goes through safeRedirectPath, the one check of post-action destinations:
 * what it would not keep becomes "/", which is where such a request would have led anyway.
 */
import { NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/http/safe-redirect";

// "authjs.callback-url", "__Secure-" on https.
const callbackCookie = /^(?:__Secure-)?authjs\.callback-url$/;

export function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  let changed = false;
  const asked = url.searchParams.getAll("callbackUrl");
  if (asked.length > 0) {
    const safe = safeRedirectPath(asked[0], url.origin);
    if (asked.length > 1 || safe !== asked[0]) {
      url.searchParams.set("callbackUrl", safe);
      changed = true;
    }
  }
  const cookies = request.cookies.getAll().map(({ name, value }) => {
    if (!callbackCookie.test(name)) return { name, value };
    const safe = safeRedirectPath(value, url.origin);
    if (safe !== value) changed = true;
    return { name, value: safe };
  });
  if (!changed) return request;
  const headers = new Headers(request.headers);
  headers.set("cookie", cookies.map(({ name, value }) => `${name}=${encodeURIComponent(value)}`).join("; "));
  // duplex: a streamed body (a POST) may only be passed on as half-duplex.
  return new NextRequest(url, { method: request.method, headers, body: request.body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}
