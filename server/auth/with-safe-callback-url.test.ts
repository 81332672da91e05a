/** withSafeCallbackUrl: the request Auth.js sees has a callbackUrl (query and cookie) it can parse. */
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { withSafeCallbackUrl } from "./with-safe-callback-url";

const origin = "http://localhost:3000";

describe("withSafeCallbackUrl", () => {
  it("leaves a request with a safe callbackUrl and cookies as it is", () => {
    const request = new NextRequest(`${origin}/api/auth/session?callbackUrl=%2Fme%3Fx%3D1`, { headers: { cookie: "authjs.callback-url=%2Fme; a=b" } });
    expect(withSafeCallbackUrl(request)).toBe(request);
  });

  it("makes an unsafe callbackUrl and callback cookie '/', keeping the other cookies", () => {
    const request = new NextRequest(`${origin}/api/auth/session?callbackUrl=%2F%09%2Fevil.example&x=1`, { headers: { cookie: "__Secure-authjs.callback-url=https%3A%2F%2Fevil.example; NEXT_LOCALE=en" } });
    const safe = withSafeCallbackUrl(request);
    expect(safe.nextUrl.searchParams.get("callbackUrl")).toBe("/");
    expect(safe.nextUrl.searchParams.get("x")).toBe("1");
    expect(safe.cookies.get("__Secure-authjs.callback-url")?.value).toBe("/");
    expect(safe.cookies.get("NEXT_LOCALE")?.value).toBe("en");
  });
});
