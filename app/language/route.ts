import { NextResponse, type NextRequest } from "next/server";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { isLocale, localeCookieName } from "@/lib/i18n/locales";

/** Sets the reader's language and returns them to the page they were on (only ever a path on this site). */
export function GET(request: NextRequest) {
  const locale = request.nextUrl.searchParams.get("locale");
  const safeNext = safeRedirectPath(request.nextUrl.searchParams.get("next"), request.nextUrl.origin);
  const response = new NextResponse(null, { status: 303, headers: { Location: safeNext } });
  if (isLocale(locale)) {
    response.cookies.set(localeCookieName, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  return response;
}
