/**
 * The one place that decides where the browser goes after an action (sign-in's callbackUrl, the language and
 * display switches' `next`): a path on this site, or "/".
 *
 * Checking the raw string's first characters is not enough: browsers drop tabs and newlines from a Location before
 * resolving it ("/\t/evil.example" becomes "//evil.example", another site) and read a backslash as a slash. So a
 * target with a control character or a backslash is refused outright, the rest is resolved as the browser would,
 * and only a same-origin result is kept — as a path, so the answer never names a host at all.
 */

// Any origin works: only whether the target stays on it matters, and the answer is a path.
const PLACEHOLDER_ORIGIN = "https://onedoor.invalid";

// C0 controls, DEL and C1 controls; a backslash.
const REFUSED = /[\u0000-\u001f\u007f-\u009f\\]/;

/** `target` as a path (with query and fragment) on `origin`, or "/" when it would leave it or is not plainly a URL. */
export function safeRedirectPath(target: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return "/";
  if (REFUSED.test(target)) return "/";
  let base: URL;
  let url: URL;
  try {
    base = new URL(origin);
    url = new URL(target, base);
  } catch {
    return "/";
  }
  if (url.origin !== base.origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path starting "//" is a protocol-relative address to whoever reads it next.
  if (!path.startsWith("/") || path.startsWith("//")) return "/";
  return path;
}
