/**
 * Runs before every request but static files, /api/health, and requests with a body: while PostgreSQL cannot be
 * reached, every page and API read answers 503 at once (server/health/answer-while-database-down.ts).
 *
 * Requests with a body (form posts, server actions, uploads) are left alone: for them Next.js buffers the body so
 * the proxy could read it too, and cuts it at experimental.proxyClientMaxBodySize (10 MB), which would break the
 * wizard's uploads. During an outage such a post fails like any error, which tells the server the database is down,
 * and the page after it is the 503 page.
 */
import { NextResponse, type NextRequest } from "next/server";
import { answerWhileDatabaseDown } from "@/server/health/answer-while-database-down";

export async function proxy(request: NextRequest) {
  return (await answerWhileDatabaseDown(request)) ?? NextResponse.next();
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon\\.ico|api/health).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
