/**
 * How large a request body may be, decided from the request line and headers before anything reads the body
 * (proxy.ts). About 1 MiB for every post, which is plenty for any form's text; the pages that upload materials —
 * a wizard page and a supplement answer — take what a page of a form may ask for (lib/forms/upload-limits.ts),
 * but only from someone signed in: an anonymous visitor has nothing to upload there.
 *
 * Plain numbers and strings, no imports beyond the form limits: next.config.ts sets Next.js's own server-action
 * and proxy buffer limits from uploadBodyLimit.
 */
import { maxPageUploadKb } from "../forms/upload-limits";

/** Every post but an upload: the longest form's text many times over, with Next.js's own action fields. */
export const defaultBodyLimit = 1024 * 1024;

/**
 * An upload page's post: every file the page may take at full size (lib/forms/upload-limits.ts), plus the default
 * allowance for the page's other answers and the multipart framing around each part.
 */
export const uploadBodyLimit = maxPageUploadKb * 1024 + defaultBodyLimit;

// /apply/<code>/<draft>/<page> (the wizard) and /me/cases/<number>/supplements/<request> (a supplement answer).
const uploadPaths = [/^\/apply\/[^/]+\/[^/]+\/[^/]+$/, /^\/me\/cases\/[^/]+\/supplements\/[^/]+$/];

export function isUploadPath(pathname: string): boolean {
  return uploadPaths.some((pattern) => pattern.test(pathname));
}

/** The most a body sent to `pathname` may hold. */
export function bodyLimitFor({ pathname, signedIn }: { pathname: string; signedIn: boolean }): number {
  return signedIn && isUploadPath(pathname) ? uploadBodyLimit : defaultBodyLimit;
}

export type TBodySizeCheck =
  | { ok: true }
  /** 411: a body of unknown length (chunked) could be any size; browsers always say how long a form post is. */
  | { ok: false; status: 411 }
  | { ok: false; status: 413; limit: number };

/**
 * Checks a request's declared body size against its limit. `isSignedIn` is asked only when the answer depends on
 * it (a large post to an upload page), since checking a session costs a decryption.
 */
export async function checkBodySize(request: {
  method: string;
  pathname: string;
  contentLength: string | null;
  transferEncoding: string | null;
  isSignedIn: () => Promise<boolean>;
}): Promise<TBodySizeCheck> {
  if (request.method === "GET" || request.method === "HEAD") return { ok: true };
  if (request.contentLength === null) return request.transferEncoding === null ? { ok: true } : { ok: false, status: 411 };
  const length = /^\d{1,15}$/.test(request.contentLength.trim()) ? Number(request.contentLength.trim()) : Number.NaN;
  // Node's HTTP parser refuses a malformed Content-Length before we run; refuse here too, should one get by.
  if (Number.isNaN(length)) return { ok: false, status: 411 };
  if (length <= defaultBodyLimit) return { ok: true };
  const limit = bodyLimitFor({ pathname: request.pathname, signedIn: isUploadPath(request.pathname) && (await request.isSignedIn()) });
  return length <= limit ? { ok: true } : { ok: false, status: 413, limit };
}
