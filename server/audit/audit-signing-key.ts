/**
 * The Ed25519 key that signs audit checkpoints: a key of its own, kept the way the licence key is
 * (server/licences/signing-keys.ts) — AUDIT_SIGNING_KEY (PKCS#8 PEM, or that PEM in base64) when set, which every
 * replica of a PostgreSQL deployment must share, else DATA_DIR/audit-keys/active.pem generated on first use (0600).
 * Public keys are published in audit_signing_keys; a rotated key stays there, retired, and keeps verifying.
 */
import path from "node:path";
import { and, isNull, ne } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { auditSigningKeys } from "@/db/schema";
import { getEnv } from "@/server/env";
import { loadKeyDirectory, signingKeyFrom, type TSigningKey } from "@/server/licences/signing-keys";
import { parsePrivateKey } from "@/server/licences/parse-private-key";

export function auditKeyDirectoryOf(dataDir: string = getEnv().DATA_DIR): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ dataDir), "audit-keys");
}

const globalForKeys = globalThis as typeof globalThis & { __onedoorAuditKey?: TSigningKey };

/** The key this process signs checkpoints with, read once; a new key takes effect when the process restarts. */
export function getActiveAuditKey(): TSigningKey {
  if (globalForKeys.__onedoorAuditKey) return globalForKeys.__onedoorAuditKey;
  const configured = getEnv().AUDIT_SIGNING_KEY;
  globalForKeys.__onedoorAuditKey = configured ? signingKeyFrom(parsePrivateKey(configured)) : loadKeyDirectory(auditKeyDirectoryOf());
  return globalForKeys.__onedoorAuditKey;
}

/** Publishes the active key and retires every other still marked active (at start-up and after a rotation). */
export async function registerActiveAuditKey(db: TDatabase, key: Pick<TSigningKey, "keyId" | "publicKey">, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(auditSigningKeys).values({ keyId: key.keyId, publicKey: key.publicKey }).onConflictDoUpdate({ target: auditSigningKeys.keyId, set: { retiredAt: null } });
    await tx.update(auditSigningKeys).set({ retiredAt: now }).where(and(ne(auditSigningKeys.keyId, key.keyId), isNull(auditSigningKeys.retiredAt)));
  });
}
