import type { NextRequest } from "next/server";
import { isHttpsRequest } from "@/lib/http/security-headers";
import { getEnv } from "@/server/env";

/**
 * Whether people reach the portal over https. Given PUBLIC_BASE_URL, as it says — Auth.js names its cookies by it
 * ("__Secure-…" on https), so the proxy must read them by the same rule; else as the request (or the proxy in front,
 * by X-Forwarded-Proto) tells.
 */
export function reachedOverHttps(request: NextRequest): boolean {
  const env = getEnv();
  if (env.publicBaseUrlGiven) return env.PUBLIC_BASE_URL.startsWith("https:");
  return isHttpsRequest(request.nextUrl, request.headers.get("x-forwarded-proto"));
}
