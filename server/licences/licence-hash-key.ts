/**
 * The secret key of the keyed hashes (HMAC-SHA-256) that stand in a licence's signed payload for the holder's
 * resident ID number and for data items holding personal numbers. The QR code's address carries the payload, so it
 * must not carry the numbers; an unkeyed hash would not hide them either (an ID number's middle digits are a birth
 * date and a sequence: a few million guesses). With the key, the server — and only the server — can answer "is this
 * the number the licence was issued to?" (/verify's holder check), and the signature still covers the full numbers.
 *
 * Where it comes from, like the signing key: `LICENCE_HASH_KEY` (base64, at least 32 random bytes) when set — every
 * replica of a PostgreSQL deployment must be given the same one — else `DATA_DIR/licence-keys/hash.key`, generated on
 * first use (mode 0600). A key's id is the first 16 hex digits of an HMAC of a fixed label under it: it names the
 * key without revealing it. The key never enters the database or a payload; its id does (`licences.hash_key_id`).
 *
 * Rotation: the new key becomes active and the old one stays readable as the previous key (`LICENCE_HASH_KEY_PREVIOUS`,
 * or `hash.previous.key` after `npm run licences:rotate-hash-key`) until setup has re-hashed and re-signed every
 * licence that named it (server/licences/resign-licences.ts); then it can go. QR codes printed before keep
 * verifying: their payload is signed, and its printed content is compared without the retired hashes.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/server/env";
import { generateSecret, loadSecretKeyDirectory, rotateSecretKeyDirectory, type TSecretKeyFiles } from "@/db/sealing/secret-key-directory";
import { parseHashKey } from "@/lib/keys/parse-hash-key";
import { keyDirectoryOf } from "./signing-keys";

export type TLicenceHashKey = { keyId: string; secret: Buffer };
export type TLicenceHashKeys = {
  /** Hashes every licence signed from now on. */
  active: TLicenceHashKey;
  /** During a rotation: the key some licences were hashed with until setup re-hashes them. */
  previous: TLicenceHashKey | null;
};

export const hashKeyFile = "hash.key";
export const previousHashKeyFile = "hash.previous.key";

export function hashKeyFrom(secret: Buffer): TLicenceHashKey {
  return { keyId: createHmac("sha256", secret).update("onedoor licence hash key id").digest("hex").slice(0, 16), secret };
}

export function generateHashKeySecret(): string {
  return generateSecret();
}

/** The keyed hash of one value, base64url (43 characters). `purpose` keeps an ID number's hash apart from data's. */
export function keyedHash(key: TLicenceHashKey, purpose: "resident-id" | "data", value: string): string {
  return createHmac("sha256", key.secret).update(`${purpose}\n${value}`, "utf8").digest("base64url");
}

/** Whether `value` hashes to `hash` under `key`, compared in constant time. */
export function keyedHashMatches(key: TLicenceHashKey, purpose: "resident-id" | "data", value: string, hash: string): boolean {
  const expected = Buffer.from(keyedHash(key, purpose, value));
  const given = Buffer.from(hash);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The key of this id among the configured ones; a licence naming another one cannot be checked here. */
export function hashKeyNamed(keys: TLicenceHashKeys, keyId: string): TLicenceHashKey {
  if (keys.active.keyId === keyId) return keys.active;
  if (keys.previous?.keyId === keyId) return keys.previous;
  throw new Error(
    `licence hash key ${keyId} is not configured (active: ${keys.active.keyId}${keys.previous ? `, previous: ${keys.previous.keyId}` : ""}): give it back as LICENCE_HASH_KEY_PREVIOUS (or DATA_DIR/licence-keys/${previousHashKeyFile}) and run setup, which re-hashes the licences that name it (docs/OPERATIONS.md)`,
  );
}

function filesOf(directory: string): TSecretKeyFiles {
  return { directory, file: hashKeyFile, previousFile: previousHashKeyFile };
}

/** The key directory's hash keys, the active one generated on first use. */
export function loadHashKeyDirectory(directory: string): TLicenceHashKeys {
  const { active, previous } = loadSecretKeyDirectory(filesOf(directory));
  return { active: hashKeyFrom(active), previous: previous ? hashKeyFrom(previous) : null };
}

/**
 * Rotation for a key directory: a new active key, the old one kept as the previous key until setup has re-hashed
 * every licence. Refused while a previous key is still there, since replacing it would strand the licences it hashed.
 */
export function rotateHashKeyDirectory(directory: string): { active: TLicenceHashKey; previousKeyId: string } {
  const { active, previous } = rotateSecretKeyDirectory(
    filesOf(directory),
    "run setup (npm run setup, or start the server) so every licence is re-hashed with the current key, then delete it and rotate again",
  );
  return { active: hashKeyFrom(active), previousKeyId: hashKeyFrom(previous).keyId };
}

const globalForKeys = globalThis as typeof globalThis & { __onedoorLicenceHashKeys?: TLicenceHashKeys };

/** The hash keys of this process, read once: LICENCE_HASH_KEY (and _PREVIOUS), else DATA_DIR's key directory. */
export function getLicenceHashKeys(): TLicenceHashKeys {
  if (globalForKeys.__onedoorLicenceHashKeys) return globalForKeys.__onedoorLicenceHashKeys;
  const env = getEnv();
  globalForKeys.__onedoorLicenceHashKeys = env.LICENCE_HASH_KEY
    ? { active: hashKeyFrom(parseHashKey(env.LICENCE_HASH_KEY)), previous: env.LICENCE_HASH_KEY_PREVIOUS ? hashKeyFrom(parseHashKey(env.LICENCE_HASH_KEY_PREVIOUS)) : null }
    : loadHashKeyDirectory(keyDirectoryOf());
  return globalForKeys.__onedoorLicenceHashKeys;
}
