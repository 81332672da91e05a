import { describe, expect, it } from "vitest";
import { checkSameOrigin } from "./same-origin";

const post = (headers: { origin?: string; host?: string; forwardedHost?: string; secFetchSite?: string }) =>
  checkSameOrigin({
    method: "POST",
    origin: headers.origin ?? null,
    host: headers.host ?? null,
    forwardedHost: headers.forwardedHost ?? null,
    secFetchSite: headers.secFetchSite ?? null,
  });

describe("checkSameOrigin", () => {
  it("lets a post from a page of this site through", () => {
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" })).toEqual({ ok: true });
    expect(post({ origin: "https://portal.example", host: "portal.example:443" })).toEqual({ ok: true });
    expect(post({ origin: "https://Portal.Example", host: "portal.example" })).toEqual({ ok: true });
  });

  it("uses the host the proxy in front forwards, the first one when there are several", () => {
    expect(post({ origin: "https://portal.example", host: "10.0.0.5:3000", forwardedHost: "portal.example" })).toEqual({ ok: true });
    expect(post({ origin: "https://portal.example", host: "10.0.0.5:3000", forwardedHost: "portal.example, edge.internal" })).toEqual({ ok: true });
    expect(post({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000", forwardedHost: "portal.example" }).ok).toBe(false);
  });

  it("refuses another site, another port, a sibling subdomain and 'null'", () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "https://evil.portal.example", "null", "not a url", "file:///x", "chrome-extension://abc"]) {
      expect(post({ origin, host: origin === "http://127.0.0.1:3001" ? "127.0.0.1:3000" : "portal.example" }), origin).toEqual({ ok: false, reason: "foreign-origin" });
    }
  });

  it("refuses when the addressed host cannot be known", () => {
    expect(post({ origin: "https://portal.example" }).ok).toBe(false);
    expect(post({ origin: "https://portal.example", host: "portal.example/evil" }).ok).toBe(false);
    expect(post({ origin: "https://portal.example", host: "user@portal.example" }).ok).toBe(false);
  });

  it("without an Origin, refuses only what the browser marks as sent by another site", () => {
    expect(post({ host: "portal.example" })).toEqual({ ok: true });
    expect(post({ host: "portal.example", secFetchSite: "same-origin" })).toEqual({ ok: true });
    expect(post({ host: "portal.example", secFetchSite: "none" })).toEqual({ ok: true });
    expect(post({ host: "portal.example", secFetchSite: "cross-site" })).toEqual({ ok: false, reason: "cross-site-fetch" });
    expect(post({ host: "portal.example", secFetchSite: "same-site" })).toEqual({ ok: false, reason: "cross-site-fetch" });
  });

  it("does not look at reading requests", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(checkSameOrigin({ method, origin: "https://evil.example", host: "portal.example", forwardedHost: null, secFetchSite: "cross-site" })).toEqual({ ok: true });
    }
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(checkSameOrigin({ method, origin: "https://evil.example", host: "portal.example", forwardedHost: null, secFetchSite: null }).ok).toBe(false);
    }
  });
});
