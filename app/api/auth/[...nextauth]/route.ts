import type { NextRequest } from "next/server";
import { handlers, throttleWaitOf } from "@/server/auth/next-auth";

export const { GET } = handlers;

/** Auth.js, except that a sign-in the throttle refused answers 429 with Retry-After instead of a redirect. */
export async function POST(request: NextRequest) {
  const response = await handlers.POST(request);
  const wait = throttleWaitOf(request);
  if (wait === undefined) return response;
  return Response.json(
    { error: "too-many-attempts", retryAfterSeconds: wait },
    { status: 429, headers: { "Retry-After": String(wait), "Cache-Control": "no-store" } },
  );
}
