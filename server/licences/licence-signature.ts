/** Ed25519 signatures over a licence's canonical payload (node:crypto; no library needed for one algorithm). */
import { sign, verify } from "node:crypto";
import { serializeLicencePayload, type TLicencePayload } from "./licence-payload";
import { publicKeyFromRaw, type TSigningKey } from "./signing-keys";

const base64url = /^[A-Za-z0-9_-]+$/;

/** The signature, base64url (86 characters). */
export function signLicencePayload(payload: TLicencePayload, key: Pick<TSigningKey, "privateKey">): string {
  return sign(null, Buffer.from(serializeLicencePayload(payload), "utf8"), key.privateKey).toString("base64url");
}

/**
 * Whether `signature` is the signature of exactly these bytes by this public key (raw, base64url). Malformed
 * input is a failed verification, never an exception: whatever a URL or a database row holds, the answer is yes or no.
 */
export function verifySignedBytes(bytes: string, signature: string, rawPublicKey: string): boolean {
  if (!base64url.test(signature) || !base64url.test(rawPublicKey)) return false;
  const signatureBytes = Buffer.from(signature, "base64url");
  if (signatureBytes.length !== 64) return false;
  try {
    return verify(null, Buffer.from(bytes, "utf8"), publicKeyFromRaw(rawPublicKey), signatureBytes);
  } catch {
    return false;
  }
}

export function verifyLicencePayload(payload: TLicencePayload, signature: string, rawPublicKey: string): boolean {
  return verifySignedBytes(serializeLicencePayload(payload), signature, rawPublicKey);
}
