/**
 * Whether a request carries a session cookie that Auth.js itself sealed and that has not expired — decrypted with
 * the site's secret, so a made-up cookie does not count. Used by proxy.ts before the body is read, where the
 * database is not asked: a session revoked since it was issued still passes here, and is refused by the action
 * the post is for.
 */
import { getToken } from "next-auth/jwt";
import { readAuthSecret } from "./auth-secret";
import { decodeSessionToken } from "./session-token";

export async function hasSessionCookie({ headers, https }: { headers: Headers; https: boolean }): Promise<boolean> {
  const secret = readAuthSecret();
  if (!secret) return false;
  // Auth.js names the cookie "__Secure-…" when the site is reached over https, and salts its key with the name.
  const token = await getToken({ req: { headers }, secret, secureCookie: https, decode: decodeSessionToken });
  return typeof token?.sub === "string";
}
