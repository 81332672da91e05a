/**
 * Auth.js answered 500 to any /api/auth request whose callbackUrl (query or cookie) it could not parse, and to its
 * own error page with ?error=Configuration; through the route's handlers, neither is a 500 any more.
 */
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { GET, POST } from "./route";

process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";
const origin = "http://localhost:3000";

describe("Auth.js requests with a callbackUrl it cannot parse", () => {
  it.each(["x", "x ", " /me", "//evil.example", "\\\\evil.example", "javascript:alert(1)", "/%0a/evil.example"])("answer /api/auth/session?callbackUrl=%j without a 500", async (callbackUrl) => {
    const response = await GET(new NextRequest(`${origin}/api/auth/session?callbackUrl=${encodeURIComponent(callbackUrl)}`));
    expect(response.status).toBe(200);
  });

  it("answer with a bad callback-url cookie without a 500", async () => {
    const response = await GET(new NextRequest(`${origin}/api/auth/csrf`, { headers: { cookie: "authjs.callback-url=not%20a%20url; NEXT_LOCALE=en" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveProperty("csrfToken");
  });

  it("send Auth.js's error page back to sign-in instead of answering 500", async () => {
    const response = await GET(new NextRequest(`${origin}/api/auth/error?error=Configuration`));
    expect(response.status).toBeLessThan(400);
    expect(new URL(response.headers.get("location")!, origin).pathname).toBe("/login");
  });

  it("refuse a credentials post with a bad callbackUrl as any other post without a CSRF token", async () => {
    const body = new URLSearchParams({ username: "citizen", password: "x", callbackUrl: "x " }).toString();
    const response = await POST(new NextRequest(`${origin}/api/auth/callback/credentials?callbackUrl=x%20`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } }));
    expect(response.status).toBeLessThan(500);
  });
});
