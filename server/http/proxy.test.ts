/**
 * proxy.ts as Next.js calls it: a request in, a response (or "carry on") out. What a browser sees of the same
 * rules is in e2e/security-headers.spec.ts.
 */
import { decode, encode } from "next-auth/jwt";
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { uploadBodyLimit } from "@/lib/http/body-limit";
import { proxy } from "@/proxy";
import type { TSessionClaims } from "@/server/auth/session-lifetime";

const secret = "proxy-test-secret-0123456789abcdef";
const site = "http://127.0.0.1:3000";
const uploadPage = "/apply/BUNDLE-RESTAURANT/3f1c2b9e-0d7a-4c55-9a43-2f1e8b7c6d5a/application";
const MB = 1000 * 1000;

beforeAll(() => {
  process.env.AUTH_SECRET = secret;
});

function request(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return new NextRequest(`${site}${path}`, { method, headers: { host: "127.0.0.1:3000", ...headers } });
}

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/** A session cookie as Auth.js seals it (same secret, same salt: the cookie's name). */
async function sessionCookie(name = "authjs.session-token", key = secret) {
  return `${name}=${await encode({ token: { sub: "5b0e7c52-7d8e-4f43-9a4c-1c1f3e6a9b10" }, secret: key, salt: name })}`;
}

describe("proxy: headers", () => {
  it("gives a request an id, or keeps the one the proxy in front sent, for the audit trail and the response", async () => {
    const made = await proxy(request("/services"));
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.headers.get("x-middleware-request-x-request-id")).toBe(id);
    const kept = await proxy(request("/services", { headers: { "x-request-id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0" } }));
    expect(kept.headers.get("x-middleware-request-x-request-id")).toBe("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    const smuggled = await proxy(request("/services", { headers: { "x-request-id": "id 110101199003078515" } }));
    expect(smuggled.headers.get("x-middleware-request-x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets a page through with the security headers and a new nonce, which Next.js also gets on the request", async () => {
    const first = await proxy(request("/services"));
    const second = await proxy(request("/services"));
    expect(first.headers.get("x-middleware-next")).toBe("1");
    const csp = first.headers.get("content-security-policy");
    expect(csp).toContain("frame-ancestors 'none'");
    // 16 random bytes in base64: 24 characters.
    expect(nonceOf(csp)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonceOf(csp));
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonceOf(csp));
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS when the proxy in front says the request came over https", async () => {
    const response = await proxy(request("/", { headers: { "x-forwarded-proto": "https" } }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("replaces a nonce the client sent with its own", async () => {
    const response = await proxy(request("/", { headers: { "x-nonce": "chosen-by-attacker", "content-security-policy": "script-src *" } }));
    expect(response.headers.get("x-middleware-request-x-nonce")).not.toBe("chosen-by-attacker");
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toBe("script-src *");
  });
});

describe("proxy: another site's post", () => {
  it("answers 403 with a page in the reader's language, before anything runs", async () => {
    const response = await proxy(
      request("/me/cases/2026-0001", { method: "POST", headers: { origin: "https://evil.example", cookie: "NEXT_LOCALE=en", "next-action": "abc" } }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("This request was refused");
    expect(html).toContain(`<style nonce="${nonceOf(response.headers.get("content-security-policy"))}">`);
  });

  it("lets a post from this site through", async () => {
    const response = await proxy(request("/login", { method: "POST", headers: { origin: site, "content-length": "300" } }));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: body size", () => {
  it("answers an anonymous 60 MB post to the sign-in action with 413, in the reader's language", async () => {
    const response = await proxy(
      request("/login?callbackUrl=%2Fme", { method: "POST", headers: { origin: site, "content-length": String(60 * MB), "accept-language": "zh-TW,zh;q=0.9" } }),
    );
    expect(response.status).toBe(413);
    const html = await response.text();
    expect(html).toContain('<html lang="zh-Hant">');
    expect(html).toContain("提交的內容太大");
    expect(html).toContain("1 MB");
    expect(html).toContain('href="/login?callbackUrl=%2Fme"');
    expect(response.headers.get("x-action-redirect")).toBeNull();
  });

  it("sends a server action called with JavaScript to /request-too-large", async () => {
    const response = await proxy(request("/login", { method: "POST", headers: { origin: site, "content-length": String(2 * MB), "next-action": "7f00" } }));
    expect(response.status).toBe(413);
    expect(response.headers.get("x-action-redirect")).toBe("/request-too-large?back=%2Flogin");
  });

  it("takes a large upload from someone signed in, up to the upload limit", async () => {
    const cookie = await sessionCookie();
    const upload = (length: number, headers: Record<string, string> = {}) =>
      proxy(request(uploadPage, { method: "POST", headers: { origin: site, "content-length": String(length), cookie, ...headers } }));
    expect((await upload(45 * MB)).headers.get("x-middleware-next")).toBe("1");
    expect((await upload(uploadBodyLimit + 1)).status).toBe(413);
    // Over https Auth.js uses the __Secure- cookie; the same cookie under the plain name is not it.
    const secure = await sessionCookie("__Secure-authjs.session-token");
    expect((await upload(45 * MB, { cookie: secure, "x-forwarded-proto": "https" })).headers.get("x-middleware-next")).toBe("1");
    expect((await upload(45 * MB, { "x-forwarded-proto": "https" })).status).toBe(413);
  });

  it("refuses a large upload without a genuine session", async () => {
    const upload = (cookie?: string) =>
      proxy(request(uploadPage, { method: "POST", headers: { origin: site, "content-length": String(45 * MB), ...(cookie ? { cookie } : {}) } }));
    expect((await upload()).status).toBe(413);
    expect((await upload("authjs.session-token=made-up")).status).toBe(413);
    expect((await upload(await sessionCookie("authjs.session-token", "another-secret-0123456789abcdefgh"))).status).toBe(413);
  });

  it("answers a body of unknown length with 411", async () => {
    const response = await proxy(request("/login", { method: "POST", headers: { origin: site, "transfer-encoding": "chunked" } }));
    expect(response.status).toBe(411);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers an address whose escapes do not decode with 400, not a 500 from deep inside", async () => {
    for (const path of ["/services/%FF", "/verify/%ED%A0%80", "/me/cases/%E4%B8"]) {
      const response = await proxy(request(path));
      expect(response.status).toBe(400);
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect((await proxy(request("/services/%E7%A4%BE"))).status).toBe(200);
  });
});

describe("proxy: the session cookie", () => {
  const cookieName = "authjs.session-token";
  const seconds = () => Math.floor(Date.now() / 1000);
  const claims = (activeAt: number): TSessionClaims => ({
    sub: "5b0e7c52-7d8e-4f43-9a4c-1c1f3e6a9b10",
    sessionVersion: 1,
    signedInAt: seconds() - 2 * 60 * 60,
    activeAt,
    audience: "applicant",
  });
  /** A page view with a session last re-issued at `activeAt`, as Next.js calls the proxy (with its event). */
  async function view(activeAt: number) {
    const cookie = `${cookieName}=${await encode({ token: claims(activeAt), secret, salt: cookieName, maxAge: 12 * 60 * 60 })}`;
    // Next.js's server tells the proxy the scheme; without it Auth.js takes the site for https.
    const page = request("/me", { headers: { cookie, "x-forwarded-proto": "http" } });
    const response = await proxy(page, new NextFetchEvent({ request: page, page: "/me", context: undefined }));
    return { response, reissued: response.headers.getSetCookie().find((header) => header.startsWith(`${cookieName}=`)) };
  }

  it("is only read when it was re-issued within the last minute", async () => {
    const { response, reissued } = await view(seconds() - 20);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(reissued).toBeUndefined();
  });

  it("is re-issued, recording the activity, once the last is a minute old", async () => {
    const { response, reissued } = await view(seconds() - 5 * 60);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    const sealed = await decode({ token: reissued!.slice(cookieName.length + 1).split(";")[0], secret, salt: cookieName });
    expect(sealed!.activeAt).toBeGreaterThanOrEqual(seconds() - 1);
  });

  it("is deleted once the applicant has been idle too long", async () => {
    const { reissued } = await view(seconds() - 3 * 60 * 60);
    expect(reissued).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
  });
});
