/** Reads a configured licence signing key; apart from signing-keys.ts so server/env.ts can check the setting with it. */
import { createPrivateKey, type KeyObject } from "node:crypto";

/**
 * Reads a configured private key: PKCS#8 PEM, or the same PEM base64-encoded (easier to pass through environment
 * variables that cannot hold line breaks). Throws with the reason when it is not an Ed25519 private key.
 */
export function parsePrivateKey(value: string): KeyObject {
  const text = value.trim();
  const pem = text.startsWith("-----BEGIN") ? text : Buffer.from(text, "base64").toString("utf8").trim();
  if (!pem.startsWith("-----BEGIN PRIVATE KEY-----")) throw new Error("expected a PKCS#8 PEM (-----BEGIN PRIVATE KEY-----), or that PEM in base64");
  const key = createPrivateKey({ key: pem, format: "pem" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`expected an Ed25519 key, got ${key.asymmetricKeyType}`);
  return key;
}

