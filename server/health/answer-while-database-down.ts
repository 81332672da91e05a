/**
 * Called by the proxy before every page, action and API request: while PostgreSQL cannot be reached, answer 503 at
 * once — the plain "service unavailable, try again" page in the reader's language, or `{"error":"unavailable"}` for
 * an API — instead of letting the request fail deep in a page or wait on a dead connection. Nothing for the
 * embedded database, which lives in this process. /api/health is left to say for itself (app/api/health).
 */
import type { NextRequest } from "next/server";
import { isDatabaseAvailable } from "@/db/availability";
import { isLocale, localeCookieName, negotiateLocale } from "@/lib/i18n/locales";
import { getEnv } from "@/server/env";
import { renderUnavailablePage } from "./render-unavailable-page";

/** Seconds a client is asked to wait before trying again. */
const retryAfterSeconds = 10;

/** `nonce`: the response's CSP nonce, which the page's inline style must carry. */
export async function answerWhileDatabaseDown(request: NextRequest, { nonce }: { nonce?: string } = {}): Promise<Response | undefined> {
  if (!getEnv().DATABASE_URL) return undefined;
  if (await isDatabaseAvailable({ timeoutMs: 1_000 })) return undefined;
  const headers = { "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds) };
  if (request.nextUrl.pathname.startsWith("/api/")) return Response.json({ error: "unavailable" }, { status: 503, headers });
  const cookie = request.cookies.get(localeCookieName)?.value;
  const locale = isLocale(cookie) ? cookie : negotiateLocale(request.headers.get("accept-language"));
  const html = renderUnavailablePage({ locale, nonce, retryHref: `${request.nextUrl.pathname}${request.nextUrl.search}` });
  return new Response(html, { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
