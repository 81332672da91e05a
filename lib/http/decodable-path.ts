/**
 * Whether a request path's %-escapes decode to text. Next.js answers a dynamic segment that does not — /services/%FF,
 * /verify/%ED%A0%80 (a surrogate), an escape cut short like /me/cases/%E4%B8 — with a bare 500 before any page or
 * handler runs, so the edge (proxy.ts) must answer 400 first.
 */
export function isDecodablePath(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    decodeURIComponent(pathname);
    return true;
  } catch (error) {
    // decodeURIComponent throws only URIError, for exactly this: an escape that is cut short or not UTF-8.
    if (error instanceof URIError) return false;
    throw error;
  }
}
