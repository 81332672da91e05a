/**
 * Behind a proxy a replica sees itself as localhost:PORT; the addresses Auth.js answers with must be the portal's
 * public one (PUBLIC_BASE_URL), or a person is sent to an address that is not the portal.
 */
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";

let handlers: typeof import("./next-auth").handlers;
let reachedOverHttps: typeof import("@/server/http/reached-over-https").reachedOverHttps;

beforeAll(async () => {
  process.env.AUTH_SECRET = "test-secret-for-the-public-address-0123456789";
  process.env.PUBLIC_BASE_URL = "https://onedoor.example.gov.cn";
  delete process.env.AUTH_URL;
  ({ handlers } = await import("./next-auth"));
  ({ reachedOverHttps } = await import("@/server/http/reached-over-https"));
});

describe("Auth.js behind a proxy", () => {
  it("answers with the public address, not the one the replica listens on", async () => {
    const response = await handlers.GET(new NextRequest("http://localhost:3300/api/auth/signin?callbackUrl=%2Fme"));
    const location = new URL(response.headers.get("location") ?? "", "https://onedoor.example.gov.cn");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("https://onedoor.example.gov.cn/me");
  });

  it("names its cookies for https, as the public address is", async () => {
    const response = await handlers.GET(new NextRequest("http://localhost:3300/api/auth/csrf"));
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("__Host-authjs.csrf-token="))).toBe(true);
  });

  it("is read by the proxy as https, as the cookie names say, though the proxy in front sent no X-Forwarded-Proto", () => {
    expect(reachedOverHttps(new NextRequest("http://localhost:3300/me"))).toBe(true);
  });
});
