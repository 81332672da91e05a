import type { NextRequest } from "next/server";
import { IDENTITY_PROVIDER_ID, identitySignInEnabled } from "@/server/auth/identity-provider";
import { isKnownAuthPath } from "@/server/auth/known-auth-path";
import { handlers, throttleWaitOf } from "@/server/auth/next-auth";
import { withSafeCallbackUrl } from "@/server/auth/with-safe-callback-url";

const isKnown = (request: NextRequest) => isKnownAuthPath(new URL(request.url).pathname, identitySignInEnabled() ? ["credentials", IDENTITY_PROVIDER_ID] : ["credentials"]);
const notFound = () => new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });

// A callbackUrl Auth.js cannot parse would be a 500; it becomes a safe one first.
export const GET = (request: NextRequest) => (isKnown(request) ? handlers.GET(withSafeCallbackUrl(request)) : notFound());

/** Auth.js, except that a sign-in the throttle refused answers 429 with Retry-After instead of a redirect. */
export async function POST(request: NextRequest) {
  if (!isKnown(request)) return notFound();
  const safeRequest = withSafeCallbackUrl(request);
  const response = await handlers.POST(safeRequest);
  const wait = throttleWaitOf(safeRequest);
  if (wait === undefined) return response;
  return Response.json(
    { error: "too-many-attempts", retryAfterSeconds: wait },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}
