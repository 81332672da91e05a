/**
 * Runs before every page, server action and route handler: re-issues the session cookie through Auth.js, so that a
 * page view or an action counts as activity for the idle timeout (server components cannot set cookies themselves).
 * A session past its absolute lifetime or idle timeout gets its cookie deleted here (server/auth/session-lifetime.ts).
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/server/auth/next-auth";

// With a lazily built config (NextAuth(() => config), as in next-auth.ts) next-auth's wrapper form hands back a
// promise of the handler, though its type says the handler itself; awaiting covers both. (The event parameter picks
// the proxy overload of auth() over the route handler one.)
const refreshSession = auth((_request, _event: NextFetchEvent) => NextResponse.next());

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = await refreshSession;
  return handler(request, event);
}

export const config = {
  // Not for static files, the health check (load balancers poll it) or Auth.js's own routes (they handle the cookie).
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|api/health|api/auth/).*)"],
};
