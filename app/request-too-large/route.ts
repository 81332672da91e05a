import type { NextRequest } from "next/server";
import { bodyLimitFor } from "@/lib/http/body-limit";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { hasSessionCookie } from "@/server/auth/has-session-cookie";
import { reachedOverHttps } from "@/server/http/reached-over-https";
import { readerOf, renderRefusalPage } from "@/server/http/refusal-page";

/**
 * Where a server action called with JavaScript lands when proxy.ts refused its post as too large (the post itself
 * answered 413): the same page a form posted without JavaScript gets, with the limit of the page it came from.
 */
export async function GET(request: NextRequest) {
  const back = safeRedirectPath(request.nextUrl.searchParams.get("back"));
  const https = reachedOverHttps(request);
  const signedIn = await hasSessionCookie({ headers: request.headers, https });
  const html = renderRefusalPage({
    refusal: { kind: "too-large", limit: bodyLimitFor({ pathname: back.split(/[?#]/)[0], signedIn }), back },
    ...readerOf(request),
    // The nonce proxy.ts put in this response's CSP.
    nonce: request.headers.get("x-nonce") ?? "",
  });
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
