/**
 * The bytes a checkpoint's signature covers. Plain lines, so an outside party can check a copy with any Ed25519
 * tool: "onedoor-audit-checkpoint/1", the chain position, the head hash, the signing time (ms since 1970), the key id.
 */
import { sign, verify } from "node:crypto";
import type { TSigningKey } from "@/server/licences/signing-keys";
import { publicKeyFromRaw } from "@/server/licences/signing-keys";

export type TCheckpointContent = { position: number; hash: string; signedAt: Date; keyId: string };

export function checkpointPayload({ position, hash, signedAt, keyId }: TCheckpointContent): Buffer {
  return Buffer.from(`onedoor-audit-checkpoint/1\n${position}\n${hash}\n${signedAt.getTime()}\n${keyId}`, "utf8");
}

export function signCheckpoint(content: TCheckpointContent, key: TSigningKey): string {
  return sign(null, checkpointPayload(content), key.privateKey).toString("base64url");
}

export function checkpointSignatureHolds(content: TCheckpointContent, signature: string, rawPublicKey: string): boolean {
  try {
    return verify(null, checkpointPayload(content), publicKeyFromRaw(rawPublicKey), Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}
