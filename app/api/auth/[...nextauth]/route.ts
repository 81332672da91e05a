import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth/next-auth";
import { withSafeCallbackUrl } from "@/server/auth/with-safe-callback-url";

// A callbackUrl Auth.js cannot parse would be a 500; it becomes a safe one first.
export const GET = (request: NextRequest) => handlers.GET(withSafeCallbackUrl(request));
export const POST = (request: NextRequest) => handlers.POST(withSafeCallbackUrl(request));
