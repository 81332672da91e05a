/**
 * Who sent the request an audited act belongs to: its request id (X-Request-Id, set by the proxy in front — nginx's
 * $request_id — or by proxy.ts for a request without one) and its source address (server/auth/source-address.ts).
 * Read from the request Next.js is answering; a script, a test or the background worker has no request, and its
 * records carry neither.
 */
import { headers } from "next/headers";
import { readRequestId } from "@/lib/http/request-id";
import { getEnv } from "@/server/env";
import { sourceAddressOf } from "@/server/auth/source-address";

export type TRequestContext = { requestId: string | null; sourceAddress: string | null };

const noRequest: TRequestContext = { requestId: null, sourceAddress: null };

export async function readRequestContext(): Promise<TRequestContext> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    // Outside a request (scripts, tests, the worker): nothing to read.
    return noRequest;
  }
  return {
    requestId: readRequestId(list.get("x-request-id")),
    sourceAddress: sourceAddressOf({ forwardedFor: list.get("x-forwarded-for"), trustedProxyCount: getEnv().TRUSTED_PROXY_COUNT }),
  };
}
