/**
 * The session cookie's seal, in exactly Auth.js's format (next-auth/jwt: a JWE with "dir" and A256CBC-HS512, its key
 * derived by HKDF from the secret and salted with the cookie's name, the key's thumbprint as `kid`), so cookies
 * sealed by either read in both. The difference is that the derived key and its thumbprint are kept per secret and
 * salt: Auth.js derives both again on every read and write, which measured about half of a cookie's cost, and a
 * signed-in page reads the cookie twice (proxy.ts and the page). Configured as Auth.js's own `jwt.encode/decode`
 * (next-auth.ts), and used by session.ts and proxy.ts, which read the cookie without Auth.js's request machinery.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";

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
    // Auth.js names the digest after the key's length: SHA-512 for the 64-byte key, SHA-256 for the 32-byte one.
    const digest = length === 64 ? "sha512" : "sha256";
    found = calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, digest).then((thumbprint) => ({ key, thumbprint }));
    derivedKeys.set(cacheKey, found);
  }
  return found;
}

const secretsOf = (secret: string | string[]) => (Array.isArray(secret) ? secret : [secret]);

/**
 * Seals `token` as Auth.js's `encode` does, under the first secret. A256CBC-HS512 (RFC 7518 §5.2.2) is written out
 * with node:crypto rather than through jose, whose WebCrypto path imports both halves of the key and normalises the
 * algorithm names on every call: about a millisecond of each signed-in request's server time. The test opens what
 * this seals with Auth.js's own decode, and the other way round.
 */
export async function encodeSessionToken({ token = {}, secret, salt, maxAge }: { token?: JWTPayload; secret: string | string[]; salt: string; maxAge?: number }) {
  const { key, thumbprint } = await derivedKey(enc, secretsOf(secret)[0], salt);
  const seconds = Math.floor(Date.now() / 1000);
  const payload = { ...token, iat: seconds, exp: seconds + (maxAge ?? 30 * 24 * 60 * 60), jti: randomUUID() };
  const header = base64url.encode(JSON.stringify({ alg, enc, kid: thumbprint }));
  const iv = randomBytes(16);
  const cipher = createCipheriv("aes-256-cbc", key.subarray(32), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  const tag = authenticationTag(key, header, iv, ciphertext);
  return `${header}..${base64url.encode(iv)}.${base64url.encode(ciphertext)}.${base64url.encode(tag)}`;
}

/** The first half of HMAC-SHA-512 over the header as sent, the IV, the ciphertext and the header's length in bits. */
function authenticationTag(key: Uint8Array, header: string, iv: Uint8Array, ciphertext: Uint8Array) {
  const aad = Buffer.from(header, "ascii");
  const bits = Buffer.alloc(8);
  bits.writeBigUInt64BE(BigInt(aad.length * 8));
  return createHmac("sha512", key.subarray(0, 32)).update(aad).update(iv).update(ciphertext).update(bits).digest().subarray(0, 32);
}

/**
 * Opens a cookie as Auth.js's `decode` does (any of the secrets, matched by `kid`; expiry checked with 15 s of
 * tolerance); throws on anything not sealed so. A256CBC-HS512 by node:crypto, anything else (A256GCM) through jose.
 */
export async function decodeSessionToken({ token, secret, salt }: { token?: string; secret: string | string[]; salt: string }): Promise<JWTPayload | null> {
  if (!token) return null;
  const parts = token.split(".");
  const header = parts.length === 5 && parts[1] === "" ? (JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8")) as Record<string, unknown>) : null;
  if (!header || header.alg !== alg || header.enc !== enc || header.zip !== undefined) return decodeWithJose({ token, secret, salt });
  const [iv, ciphertext, tag] = [parts[2], parts[3], parts[4]].map((part) => Buffer.from(part, "base64url"));
  for (const one of secretsOf(secret)) {
    const { key, thumbprint } = await derivedKey(enc, one, salt);
    if (header.kid !== undefined && header.kid !== thumbprint) continue;
    const expected = authenticationTag(key, parts[0], iv, ciphertext);
    if (iv.length !== 16 || tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
      // Without a key id, the next secret may be the one.
      if (header.kid === undefined) continue;
      throw new Error("the session cookie's tag does not match");
    }
    const decipher = createDecipheriv("aes-256-cbc", key.subarray(32), iv);
    const payload = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8")) as JWTPayload;
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp === "number" && payload.exp <= now - 15) throw new Error("the session cookie has expired");
    if (typeof payload.nbf === "number" && payload.nbf > now + 15) throw new Error("the session cookie is not valid yet");
    return payload;
  }
  throw new Error("no matching decryption secret");
}

async function decodeWithJose({ token, secret, salt }: { token: string; secret: string | string[]; salt: string }): Promise<JWTPayload> {
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
