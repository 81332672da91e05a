import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildSecurityHeaders, createNonce, hstsValue, isHttpsRequest } from "./security-headers";

/** The policy as directive → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
}

describe("Content-Security-Policy", () => {
  const policy = directives(buildContentSecurityPolicy({ nonce: "abc123==", https: false }));

  it("runs only scripts carrying this response's nonce, and what they load", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("keeps plugins, base-tag tricks, foreign form targets and framing out", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
  });

  it("lets a form lead on to the identity provider only where the page names it", () => {
    const signIn = directives(buildContentSecurityPolicy({ nonce: "n", https: true, formTargets: ["https://tyrz.example.gov.cn"] }));
    expect(signIn.get("form-action")).toEqual(["'self'", "https://tyrz.example.gov.cn"]);
  });

  it("allows styles from this site and inline ones only with the nonce", () => {
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
  });

  it("upgrades insecure requests only over https", () => {
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(buildContentSecurityPolicy({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("relaxes only what `next dev` needs, only in development", () => {
    const dev = directives(buildContentSecurityPolicy({ nonce: "n", https: false, development: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("security headers", () => {
  it("forbid framing, sniffing and powerful features, and send the origin only to this site", () => {
    const headers = buildSecurityHeaders({ nonce: "n", https: false });
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
    expect(headers["Content-Security-Policy"]).toContain("'nonce-n'");
  });

  it("send HSTS only over https", () => {
    expect(buildSecurityHeaders({ nonce: "n", https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(buildSecurityHeaders({ nonce: "n", https: true })["Strict-Transport-Security"]).toBe(hstsValue);
  });
});

describe("isHttpsRequest", () => {
  it("follows the URL, else the first X-Forwarded-Proto", () => {
    expect(isHttpsRequest(new URL("https://portal.example/"), null)).toBe(true);
    expect(isHttpsRequest(new URL("http://127.0.0.1:3000/"), null)).toBe(false);
    expect(isHttpsRequest(new URL("http://127.0.0.1:3000/"), "https")).toBe(true);
    expect(isHttpsRequest(new URL("http://127.0.0.1:3000/"), "HTTPS, http")).toBe(true);
    expect(isHttpsRequest(new URL("http://127.0.0.1:3000/"), "http, https")).toBe(false);
  });
});

describe("createNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
