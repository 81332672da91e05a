/**
 * Signs the chain's head into a checkpoint (decision 038): after sealing, when the head has moved past the last
 * checkpoint. `makeCheckpointWhenDue` is the worker's: every AUDIT_CHECKPOINT_EVERY records, or after
 * AUDIT_CHECKPOINT_MINUTES when anything was sealed since. Published at /api/v1/audit/checkpoints, so a copy kept
 * outside shows a later truncation of the chain.
 */
import { desc } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { auditCheckpoints, auditSigningKeys, type TAuditCheckpoint } from "@/db/schema";
import type { TSigningKey } from "@/server/licences/signing-keys";
import { signCheckpoint } from "./checkpoint-payload";
import { sealAuditRecords } from "./seal-audit-records";

async function lastCheckpoint(db: TDatabase): Promise<TAuditCheckpoint | undefined> {
  const [last] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return last;
}

export async function makeCheckpoint({ db, key, now = new Date() }: { db: TDatabase; key: TSigningKey; now?: Date }): Promise<TAuditCheckpoint | null> {
  const { head } = await sealAuditRecords({ db });
  if (!head) return null;
  const last = await lastCheckpoint(db);
  if (last && last.position >= head.position) return null;
  // Milliseconds, as the column keeps them, so the signed time is the stored one.
  const signedAt = new Date(Math.floor(now.getTime()));
  const signature = signCheckpoint({ position: head.position, hash: head.hash, signedAt, keyId: key.keyId }, key);
  return db.transaction(async (tx) => {
    await tx.insert(auditSigningKeys).values({ keyId: key.keyId, publicKey: key.publicKey }).onConflictDoNothing();
    const [checkpoint] = await tx.insert(auditCheckpoints).values({ position: head.position, hash: head.hash, signedAt, keyId: key.keyId, signature }).returning();
    return checkpoint;
  });
}

export async function makeCheckpointWhenDue({ db, key, every, minutes, now = new Date() }: { db: TDatabase; key: TSigningKey; every: number; minutes: number; now?: Date }) {
  const { head } = await sealAuditRecords({ db });
  if (!head) return null;
  const last = await lastCheckpoint(db);
  const since = head.position - (last?.position ?? 0);
  if (since <= 0) return null;
  const due = !last || since >= every || now.getTime() - last.signedAt.getTime() >= minutes * 60_000;
  return due ? makeCheckpoint({ db, key, now }) : null;
}
