import { NextResponse, type NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { displayModeCookieName, isDisplayMode } from "@/lib/display/display-mode";

/** Turns the elder-friendly mode on or off and returns to the page (only ever a path on this site). */
export function GET(request: NextRequest) {
  const mode = request.nextUrl.searchParams.get("mode");
  const safeNext = safeRedirectPath(request.nextUrl.searchParams.get("next"), request.nextUrl.origin);
  const response = new NextResponse(null, { status: 303, headers: { Location: safeNext } });
  if (isDisplayMode(mode)) {
    response.cookies.set(displayModeCookieName, mode, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  return response;
}
