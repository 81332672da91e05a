/**
 * The data encryption key: what seals personal numbers and sensitive answers at rest (seal.ts) and keys their blind
 * indexes (blind-index.ts), so that a copy of the database — a dump, a backup, a stolen disk — holds no ID number or
 * mobile in clear. The key never enters the database; its id does, in every sealed value and in `data_keys`.
 *
 * Where it comes from, like the licence hash key: `DATA_ENCRYPTION_KEY` (base64, at least 32 random bytes) when set —
 * every replica of a PostgreSQL deployment must be given the same one — else `DATA_DIR/data-keys/data.key`,
 * generated on first use (mode 0600). Whoever loses it loses every sealed value: docs/OPERATIONS.md says how it is
 * backed up apart from the database, and setup refuses a database sealed under a key this server does not hold
 * (server/data-protection/check-data-keys.ts) instead of starting and failing on every read.
 *
 * One secret gives two keys (HKDF-SHA-256, each with its own label), so the encryption key and the index key are
 * never the same bytes. A key's id is the first 16 hex digits of an HMAC of a fixed label: it names the key
 * without revealing it.
 *
 * Rotation (`npm run keys:rotate-data`, server/data-protection/finish-data-key-rotation.ts): a new key becomes active and the old one stays
 * readable as the previous key (`DATA_ENCRYPTION_KEY_PREVIOUS`, or `data.previous.key`) until every value is
 * sealed again under the new one. Keys kept in DATA_DIR are read again every few seconds, so a running server
 * starts sealing with a rotated key without a restart.
 */
import { createHmac, hkdfSync } from "node:crypto";
import path from "node:path";
import { ZDatabaseEnv } from "@/db/database-env";
import { loadSecretKeyDirectory, rotateSecretKeyDirectory, type TSecretKeyFiles } from "./secret-key-directory";
import { parseHashKey } from "@/lib/keys/parse-hash-key";

export type TDataKey = { keyId: string; encryptionKey: Buffer; indexKey: Buffer };
export type TDataKeys = {
  /** Seals everything written from now on. */
  active: TDataKey;
  /** During a rotation: the key some values are still sealed with, until they are sealed again. */
  previous: TDataKey | null;
};

export const dataKeyFile = "data.key";
export const previousDataKeyFile = "data.previous.key";

/** How long a process keeps keys read from DATA_DIR before it reads them again (a rotation's new key). */
const directoryKeysTtlMs = 5_000;

export function dataKeyFrom(secret: Buffer): TDataKey {
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), label, 32));
  return {
    keyId: createHmac("sha256", secret).update("onedoor data key id").digest("hex").slice(0, 16),
    encryptionKey: derive("onedoor data encryption v1"),
    indexKey: derive("onedoor blind index v1"),
  };
}

export function dataKeyDirectoryOf(dataDir: string = ZDatabaseEnv.shape.DATA_DIR.parse(process.env.DATA_DIR)): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), "data-keys");
}

function filesOf(directory: string): TSecretKeyFiles {
  return { directory, file: dataKeyFile, previousFile: previousDataKeyFile };
}

export function loadDataKeyDirectory(directory: string): TDataKeys {
  const { active, previous } = loadSecretKeyDirectory(filesOf(directory));
  return { active: dataKeyFrom(active), previous: previous ? dataKeyFrom(previous) : null };
}

/** A new active key in the directory, the old one kept as the previous key until every value is sealed again. */
export function rotateDataKeyDirectory(directory: string): TDataKeys {
  const { active, previous } = rotateSecretKeyDirectory(
    filesOf(directory),
    "a rotation is not finished: run npm run keys:rotate-data again, which finishes it first",
  );
  return { active: dataKeyFrom(active), previous: dataKeyFrom(previous) };
}

type TLoadedKeys = { keys: TDataKeys; fromDirectory: boolean; loadedAt: number };
const globalForKeys = globalThis as typeof globalThis & { __onedoorDataKeys?: TLoadedKeys };

function loadKeys(): TLoadedKeys {
  // Read here rather than through server/env.ts, a layer above the tables; server/env.ts checks both at start.
  const active = process.env.DATA_ENCRYPTION_KEY?.trim();
  const previousKey = process.env.DATA_ENCRYPTION_KEY_PREVIOUS?.trim();
  if (active) {
    const previous = previousKey ? dataKeyFrom(parseHashKey(previousKey)) : null;
    return { keys: { active: dataKeyFrom(parseHashKey(active)), previous }, fromDirectory: false, loadedAt: Date.now() };
  }
  return { keys: loadDataKeyDirectory(dataKeyDirectoryOf()), fromDirectory: true, loadedAt: Date.now() };
}

function currentKeys(): TLoadedKeys {
  const loaded = globalForKeys.__onedoorDataKeys;
  if (loaded && (!loaded.fromDirectory || Date.now() - loaded.loadedAt < directoryKeysTtlMs)) return loaded;
  const fresh = loadKeys();
  globalForKeys.__onedoorDataKeys = fresh;
  return fresh;
}

/** The data keys of this process: DATA_ENCRYPTION_KEY (and _PREVIOUS), else DATA_DIR's, read again every few seconds. */
export function getDataKeys(): TDataKeys {
  return currentKeys().keys;
}

/** Whether this process's keys come from DATA_DIR (else from DATA_ENCRYPTION_KEY). */
export function dataKeysFromDirectory(): boolean {
  return currentKeys().fromDirectory;
}

/** Makes these the process's keys until forgotten (a test's own keys). */
export function useDataKeys(keys: TDataKeys): void {
  globalForKeys.__onedoorDataKeys = { keys, fromDirectory: false, loadedAt: Date.now() };
}

/** Forgets the keys read, so the next use reads them again (after a rotation in this process; tests). */
export function forgetDataKeys(): void {
  globalForKeys.__onedoorDataKeys = undefined;
}

export class UnknownDataKeyError extends Error {
  constructor(readonly keyId: string) {
    super(
      `a value is sealed under data key ${keyId}, which this server does not hold: give it back as DATA_ENCRYPTION_KEY_PREVIOUS (or DATA_DIR/data-keys/${previousDataKeyFile}) — docs/OPERATIONS.md, "Data encryption key"`,
    );
    this.name = "UnknownDataKeyError";
  }
}

/** The held key of this id; a key in DATA_DIR that appeared since the last read (a rotation) is found by reading again. */
export function dataKeyNamed(keyId: string): TDataKey {
  const find = (keys: TDataKeys) => (keys.active.keyId === keyId ? keys.active : keys.previous?.keyId === keyId ? keys.previous : null);
  const found = find(getDataKeys());
  if (found) return found;
  if (globalForKeys.__onedoorDataKeys?.fromDirectory) {
    forgetDataKeys();
    const again = find(getDataKeys());
    if (again) return again;
  }
  throw new UnknownDataKeyError(keyId);
}

/** Every key this process holds, the active one first: lookups by blind index ask under each during a rotation. */
export function heldDataKeys(): TDataKey[] {
  const { active, previous } = getDataKeys();
  return previous ? [active, previous] : [active];
}
