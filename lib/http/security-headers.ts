/**
 * The security headers every response carries (pages, route handlers, server-action answers, static files, error
 * pages), built in one place and sent by proxy.ts.
 *
 * The Content-Security-Policy allows scripts only by a nonce that is new for every request: Next.js reads the
 * nonce from this header on the request and puts it on its own scripts, and 'strict-dynamic' lets those load the
 * chunks they need. An injected <script> has no nonce and does not run. Pages must render per request for this
 * (app/layout.tsx renders everything dynamically), since a prerendered page would carry scripts without a nonce.
 */

export type TSecurityHeaderOptions = {
  /** A fresh, unguessable value per request (base64). */
  nonce: string;
  /** The request reached the site over https (itself, or TLS ended at the proxy, which says so). */
  https: boolean;
  /** `next dev`: React rebuilds server error stacks with eval, and dev styles are injected without a nonce. */
  development?: boolean;
  /**
   * Other origins a form on this page may lead to: the unified identity provider, for the sign-in page's button (its
   * post answers with a redirect there, which form-action governs too when the page runs without JavaScript).
   */
  formTargets?: readonly string[];
};

/** A year, without includeSubDomains: other services on the parent domain may not all speak https yet. */
export const hstsValue = "max-age=31536000";

// Powerful features the portal never uses; a page (or something injected into one) cannot ask for them.
const permissionsPolicy = [
  "accelerometer",
  "browsing-topics",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "serial",
  "usb",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

export function buildContentSecurityPolicy({ nonce, https, development = false, formTargets = [] }: TSecurityHeaderOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'self' only matters to browsers too old for 'strict-dynamic' (which ignore the nonce-less rest).
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Stylesheets are files of this site; Next.js puts the nonce on any <style> it writes itself.
    ["style-src", "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["img-src", "'self'"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
  ];
  // Over plain http (a laptop, the journeys) upgrading would point every file at an https nobody serves.
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every header, by name; HSTS only over https (browsers ignore it over http, and a laptop must not learn it). */
export function buildSecurityHeaders(options: TSecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildContentSecurityPolicy(options),
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": permissionsPolicy,
    // No other site's window keeps a handle on ours (tab-nabbing, cross-site leaks through window references).
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (options.https) headers["Strict-Transport-Security"] = hstsValue;
  return headers;
}

/** 128 random bits, base64: what a CSP nonce must be (unguessable, new per response). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Whether the request reached the site over https: the URL Next.js built for it (which already follows the first
 * X-Forwarded-Proto), or the proxy in front saying so. Whoever can forge the header gets nothing from it: browsers
 * ignore HSTS received over http.
 */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}
