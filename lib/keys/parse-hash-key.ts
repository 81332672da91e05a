/** Reads a configured licence hash key; apart from licence-hash-key.ts so server/env.ts can check the setting with it. */

/** The fewest secret bytes a hash key may have: HMAC-SHA-256's own block of strength. */
export const MIN_HASH_KEY_BYTES = 32;

/**
 * Reads a hash key given as base64 or base64url (`openssl rand -base64 32`). Throws with the reason when it is not
 * that or is shorter than 32 bytes.
 */
export function parseHashKey(value: string): Buffer {
  const text = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new Error("expected base64 (openssl rand -base64 32)");
  const secret = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (secret.length < MIN_HASH_KEY_BYTES) throw new Error(`expected at least ${MIN_HASH_KEY_BYTES} random bytes, got ${secret.length}`);
  return secret;
}
