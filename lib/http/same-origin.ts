/**
 * Cross-site request forgery, refused before anything runs: a request that may change something (anything but
 * GET, HEAD and OPTIONS) must come from a page of this site when a browser says where it comes from.
 *
 * "This site" is the host the browser addressed: X-Forwarded-Host from the proxy in front, else Host — the same
 * rule Next.js applies to server actions (where a mismatch throws and answers 500; here it is a 403 first).
 *
 * With no Origin header at all, the request is let through unless Sec-Fetch-Site says another site sent it.
 * Browsers send Origin with every POST (and Sec-Fetch-Site with every request), so a request without either comes
 * from a program — curl, another system calling /api/v1 — which carries only the credentials its operator gave it,
 * not a victim's cookies; refusing it would protect nobody. An "Origin: null" (a sandboxed frame, a file:// page,
 * a cross-site redirect) is not this site and is refused.
 */

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type TOriginCheck = { ok: true } | { ok: false; reason: "foreign-origin" | "cross-site-fetch" };

/** The host (name and port, default ports left out) the request was addressed to, or null. */
function addressedHost(scheme: string, host: string | null, forwardedHost: string | null): string | null {
  const value = forwardedHost?.split(",")[0]?.trim() || host?.trim();
  if (!value) return null;
  try {
    const url = new URL(`${scheme}//${value}`);
    // A value with a path, user info or other debris is no host at all.
    return url.pathname === "/" && url.username === "" && url.password === "" && !url.search && !url.hash ? url.host : null;
  } catch {
    return null;
  }
}

export function checkSameOrigin(request: {
  method: string;
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  secFetchSite: string | null;
}): TOriginCheck {
  if (safeMethods.has(request.method)) return { ok: true };
  if (request.origin === null) {
    const site = request.secFetchSite?.trim().toLowerCase();
    return site === undefined || site === "same-origin" || site === "none" ? { ok: true } : { ok: false, reason: "cross-site-fetch" };
  }
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return { ok: false, reason: "foreign-origin" };
  }
  if (origin.protocol !== "http:" && origin.protocol !== "https:") return { ok: false, reason: "foreign-origin" };
  const host = addressedHost(origin.protocol, request.host, request.forwardedHost);
  return host !== null && host === origin.host ? { ok: true } : { ok: false, reason: "foreign-origin" };
}
