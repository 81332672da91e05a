/**
 * The session cookie's seal, in exactly Auth.js's format (next-auth/jwt: a JWE with "dir" and A256CBC-HS512, its key
 * derived by HKDF from the secret and salted with the cookie's name, the key's thumbprint as `kid`), so cookies
 * sealed by either read in both. The difference is that the derived key and its thumbprint are kept per secret and
 * salt: Auth.js derives both again on every read and write, which measured about half of a cookie's cost, and a
 * signed-in page reads the cookie twice (proxy.ts and the page). Configured as Auth.js's own `jwt.encode/decode`
 * (next-auth.ts), and used by session.ts and proxy.ts, which read the cookie without Auth.js's request machinery.
 */
import { hkdfSync, randomUUID } from "node:crypto";
import { base64url, calculateJwkThumbprint, EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

const alg = "dir";
const enc = "A256CBC-HS512";
// Auth.js also accepts A256GCM when reading (cookies of older versions); so does this.
const keyLengths: Record<string, number> = { "A256CBC-HS512": 64, A256GCM: 32 };

type TDerivedKey = { key: Uint8Array; thumbprint: string };
const derivedKeys = new Map<string, Promise<TDerivedKey>>();

function derivedKey(encryption: string, secret: string, salt: string): Promise<TDerivedKey> {
  const length = keyLengths[encryption];
  if (!length) return Promise.reject(new Error(`unsupported content encryption ${encryption}`));
  const cacheKey = `${encryption}\0${salt}\0${secret}`;
  let found = derivedKeys.get(cacheKey);
  if (!found) {
    const key = new Uint8Array(hkdfSync("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length));
    found = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, `sha${length << 3}` as "sha512").then((thumbprint) => ({ key, thumbprint }));
    derivedKeys.set(cacheKey, found);
  }
  return found;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

/** Seals `token` as Auth.js's `encode` does, under the first secret. */
export async function encodeSessionToken({ token = {}, secret, salt, maxAge }: { token?: JWTPayload; secret: string | string[]; salt: string; maxAge?: number }) {
  const { key, thumbprint } = await derivedKey(enc, secretsOf(secret)[0], salt);
  const seconds = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg, enc, kid: thumbprint })
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + (maxAge ?? 30 * 24 * 60 * 60))
    .setJti(randomUUID())
    .encrypt(key);
}

/** Opens a cookie as Auth.js's `decode` does (any of the secrets, matched by `kid`); throws on anything not sealed so. */
export async function decodeSessionToken({ token, secret, salt }: { token?: string; secret: string | string[]; salt: string }): Promise<JWTPayload | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc: encryption }) => {
      for (const one of secretsOf(secret)) {
        const derived = await derivedKey(encryption, one, salt);
        if (kid === undefined || kid === derived.thumbprint) return derived.key;
      }
      throw new Error("no matching decryption secret");
    },
    { clockTolerance: 15, keyManagementAlgorithms: [alg], contentEncryptionAlgorithms: [enc, "A256GCM"] },
  );
  return payload;
}

// Auth.js names the cookie "__Secure-…" when the site is reached over https; a long cookie comes in chunks ".0", ".1"….
const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The session cookie's value among `cookies` (whole, or joined from its chunks) and its name, which is the key's
 * salt; null when there is none.
 */
export function findSessionCookie(cookies: { name: string; value: string }[]): { name: string; value: string } | null {
  for (const name of sessionCookieNames) {
    const whole = cookies.find((cookie) => cookie.name === name);
    if (whole) return { name, value: whole.value };
    const chunks = cookies
      .filter((cookie) => cookie.name.startsWith(`${name}.`) && /^\d+$/.test(cookie.name.slice(name.length + 1)))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return { name, value: chunks.map((chunk) => chunk.value).join("") };
  }
  return null;
}
