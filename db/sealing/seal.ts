/**
 * Sealing one value at rest: AES-256-GCM with a fresh 96-bit nonce per value, under the active data key
 * (data-keys.ts). A sealed value is text, so it fits the column or the jsonb string it replaces:
 *
 *   ode1:<key id>:<base64url of nonce ‖ ciphertext ‖ tag>
 *
 * The associated data binds the value to its key id and to where it is kept (`context`, e.g. "users.mobile"), so
 * a value copied from one column into another does not open there. Opening a value under a key this process does
 * not hold throws UnknownDataKeyError; a value the tag refuses (tampered, or copied between contexts) throws too.
 * A text that is not sealed opens as itself: rows written before sealing existed stay readable until setup (or a
 * rotation) seals them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { dataKeyNamed, getDataKeys, type TDataKey } from "./data-keys";

const prefix = "ode1:";
const nonceBytes = 12;
const tagBytes = 16;

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

/** The id of the key a sealed value was sealed under; null for a text that is not sealed. */
export function sealedKeyId(value: string): string | null {
  if (!isSealed(value)) return null;
  const end = value.indexOf(":", prefix.length);
  return end < 0 ? null : value.slice(prefix.length, end);
}

function associatedData(keyId: string, context: string): Buffer {
  return Buffer.from(`${prefix}${keyId}:${context}`, "utf8");
}

export function sealTextWith(key: TDataKey, value: string, context: string): string {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", key.encryptionKey, nonce);
  cipher.setAAD(associatedData(key.keyId, context));
  const body = Buffer.concat([nonce, cipher.update(value, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${prefix}${key.keyId}:${body.toString("base64url")}`;
}

/** `value` sealed under the active key for the place `context`. */
export function sealText(value: string, context: string): string {
  return sealTextWith(getDataKeys().active, value, context);
}

export class SealedValueError extends Error {
  constructor(context: string) {
    super(`a sealed value in ${context} does not open: it was altered, or copied from another place`);
    this.name = "SealedValueError";
  }
}

/** The text a sealed value holds; a text that is not sealed, as it is. */
export function openText(value: string, context: string): string {
  const keyId = sealedKeyId(value);
  if (keyId === null) return value;
  const key = dataKeyNamed(keyId);
  const body = Buffer.from(value.slice(prefix.length + keyId.length + 1), "base64url");
  if (body.length < nonceBytes + tagBytes) throw new SealedValueError(context);
  const decipher = createDecipheriv("aes-256-gcm", key.encryptionKey, body.subarray(0, nonceBytes));
  decipher.setAAD(associatedData(keyId, context));
  decipher.setAuthTag(body.subarray(body.length - tagBytes));
  try {
    return Buffer.concat([decipher.update(body.subarray(nonceBytes, body.length - tagBytes)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedValueError(context);
  }
}

/** Any JSON value sealed into one string (a sensitive answer of whatever shape). */
export function sealJson(value: unknown, context: string): string {
  return sealText(JSON.stringify(value), context);
}

export function openJson(value: string, context: string): unknown {
  return JSON.parse(openText(value, context));
}

/**
 * Bytes (an uploaded file of the sensitive class) sealed the same way, as `ODE1` ‖ key id (16 ASCII hex digits) ‖
 * nonce ‖ ciphertext ‖ tag. No accepted upload starts with `ODE1` (a PDF, JPEG or PNG starts with its own magic
 * number), so the prefix tells a sealed file from one stored as uploaded.
 */
const bytesMagic = Buffer.from("ODE1", "ascii");
const keyIdLength = 16;

export function sealedBytesKeyId(content: Uint8Array): string | null {
  if (content.byteLength < bytesMagic.length + keyIdLength || !Buffer.from(content.subarray(0, bytesMagic.length)).equals(bytesMagic)) return null;
  return Buffer.from(content.subarray(bytesMagic.length, bytesMagic.length + keyIdLength)).toString("ascii");
}

export function sealBytesWith(key: TDataKey, content: Uint8Array, context: string): Uint8Array {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv("aes-256-gcm", key.encryptionKey, nonce);
  cipher.setAAD(associatedData(key.keyId, context));
  return Buffer.concat([bytesMagic, Buffer.from(key.keyId, "ascii"), nonce, cipher.update(content), cipher.final(), cipher.getAuthTag()]);
}

export function sealBytes(content: Uint8Array, context: string): Uint8Array {
  return sealBytesWith(getDataKeys().active, content, context);
}

/** The bytes a sealed file holds; a file stored as uploaded, as it is. */
export function openBytes(content: Uint8Array, context: string): Uint8Array {
  const keyId = sealedBytesKeyId(content);
  if (keyId === null) return content;
  const key = dataKeyNamed(keyId);
  const body = content.subarray(bytesMagic.length + keyIdLength);
  if (body.length < nonceBytes + tagBytes) throw new SealedValueError(context);
  const decipher = createDecipheriv("aes-256-gcm", key.encryptionKey, body.subarray(0, nonceBytes));
  decipher.setAAD(associatedData(keyId, context));
  decipher.setAuthTag(body.subarray(body.length - tagBytes));
  try {
    return new Uint8Array(Buffer.concat([decipher.update(body.subarray(nonceBytes, body.length - tagBytes)), decipher.final()]));
  } catch {
    throw new SealedValueError(context);
  }
}
