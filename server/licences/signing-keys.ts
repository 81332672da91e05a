/**
 * The Ed25519 key that signs e-licences, and the published set of public keys.
 *
 * The active private key comes from configuration (`LICENCE_SIGNING_KEY`: PKCS#8 PEM, or that PEM in base64) when
 * set — which every deployment with several replicas must do, so they all sign with one key — else from
 * `DATA_DIR/licence-keys/active.pem`, generated on first use (mode 0600). A key's id is the first 16 hex digits of
 * the SHA-256 of its raw public key, so it names the key, not a file or a replica.
 *
 * Private keys never enter the database. Public keys do (`licence_signing_keys`): every transaction that signs a
 * licence also inserts its key if missing, so a licence can never name a key /verify does not know; start-up
 * registers the active key and marks any other as retired. Retired keys stay published and keep verifying what
 * they signed.
 */
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, isNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licenceSigningKeys } from "@/db/schema";
import { getEnv } from "@/server/env";
import { parsePrivateKey } from "./parse-private-key";

export type TSigningKey = {
  keyId: string;
  privateKey: KeyObject;
  /** The raw 32-byte public key, base64url (a JWK's "x"). */
  publicKey: string;
};

/** The raw public key of an Ed25519 key (private or public), base64url. */
export function rawPublicKeyOf(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return jwk.x;
}

export function keyIdOf(rawPublicKey: string): string {
  return createHash("sha256").update(Buffer.from(rawPublicKey, "base64url")).digest("hex").slice(0, 16);
}

/** A public key as node:crypto uses it, from its published form. */
export function publicKeyFromRaw(rawPublicKey: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: rawPublicKey }, format: "jwk" });
}

/** The published key as PEM (SubjectPublicKeyInfo), for verifiers that read PEM. */
export function publicKeyPem(rawPublicKey: string): string {
  return publicKeyFromRaw(rawPublicKey).export({ format: "pem", type: "spki" }).toString();
}

export function signingKeyFrom(privateKey: KeyObject): TSigningKey {
  const publicKey = rawPublicKeyOf(privateKey);
  return { keyId: keyIdOf(publicKey), privateKey, publicKey };
}

export function generateSigningKey(): TSigningKey {
  return signingKeyFrom(generateKeyPairSync("ed25519").privateKey);
}

function privateKeyPem(key: TSigningKey): string {
  return key.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export const activeKeyFile = "active.pem";

/** The key directory's active key, generated on first use. Two processes starting together agree on one file. */
export function loadKeyDirectory(directory: string): TSigningKey {
  const file = path.join(directory, activeKeyFile);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, privateKeyPem(generateSigningKey()), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return signingKeyFrom(parsePrivateKey(fs.readFileSync(file, "utf8")));
}

/**
 * Rotation for a key directory: a new active key; the old file is kept as `<key id>.retired.pem` (never read again;
 * an operator may move it offline or delete it). Returns both ids.
 */
export function rotateKeyDirectory(directory: string): { active: TSigningKey; retiredKeyId: string | null } {
  const file = path.join(directory, activeKeyFile);
  const previous = fs.existsSync(file) ? signingKeyFrom(parsePrivateKey(fs.readFileSync(file, "utf8"))) : null;
  const next = generateSigningKey();
  fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
  const staged = path.join(directory, `${next.keyId}.pem.new`);
  fs.writeFileSync(staged, privateKeyPem(next), { mode: 0o600, flag: "wx" });
  if (previous) fs.renameSync(file, path.join(directory, `${previous.keyId}.retired.pem`));
  fs.renameSync(staged, file);
  return { active: next, retiredKeyId: previous?.keyId ?? null };
}

export function keyDirectoryOf(dataDir: string = getEnv().DATA_DIR): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), "licence-keys");
}

const globalForKeys = globalThis as typeof globalThis & { __onedoorSigningKey?: TSigningKey };

/**
 * The key this process signs with, read once: LICENCE_SIGNING_KEY, else DATA_DIR's key directory. A new key takes
 * effect when the process restarts.
 */
export function getActiveSigningKey(): TSigningKey {
  if (globalForKeys.__onedoorSigningKey) return globalForKeys.__onedoorSigningKey;
  const configured = getEnv().LICENCE_SIGNING_KEY;
  globalForKeys.__onedoorSigningKey = configured ? signingKeyFrom(parsePrivateKey(configured)) : loadKeyDirectory(keyDirectoryOf());
  return globalForKeys.__onedoorSigningKey;
}

/** Publishes a key that is about to sign, inside the signing transaction (a no-op once it is there). */
export async function publishSigningKey(tx: TDatabase, key: Pick<TSigningKey, "keyId" | "publicKey">): Promise<void> {
  await tx.insert(licenceSigningKeys).values({ keyId: key.keyId, publicKey: key.publicKey }).onConflictDoNothing();
}

/**
 * At start-up and after a rotation: publishes the active key, clears a retirement it may carry (a key configured
 * again), and retires every other key still marked active. Retired keys stay published.
 */
export async function registerActiveSigningKey(db: TDatabase, key: Pick<TSigningKey, "keyId" | "publicKey">, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(licenceSigningKeys)
      .values({ keyId: key.keyId, publicKey: key.publicKey })
      .onConflictDoUpdate({ target: licenceSigningKeys.keyId, set: { retiredAt: null } });
    await tx
      .update(licenceSigningKeys)
      .set({ retiredAt: now })
      .where(and(ne(licenceSigningKeys.keyId, key.keyId), isNull(licenceSigningKeys.retiredAt)));
  });
}
