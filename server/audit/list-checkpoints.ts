/**
 * The published checkpoints (GET /api/v1/audit/checkpoints), oldest first in keyset pages on the id, with every public
 * key that has signed one: an outside party fetches the pages after the last one it holds and keeps them, and a later
 * truncation or rewrite of the chain no longer matches its copies. Each carries the exact bytes signed (`payload`,
 * base64url) so it can be checked with any Ed25519 tool.
 */
import { asc, gt } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { auditCheckpoints, auditSigningKeys } from "@/db/schema";
import { publicKeyPem } from "@/server/licences/signing-keys";
import { checkpointPayload } from "./checkpoint-payload";

export const ZCheckpointPage = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export async function listCheckpoints({ db, after, limit }: { db: TDatabase } & z.output<typeof ZCheckpointPage>) {
  const rows = await db.select().from(auditCheckpoints).where(gt(auditCheckpoints.id, after)).orderBy(asc(auditCheckpoints.id)).limit(limit + 1);
  const page = rows.slice(0, limit);
  const keys = await db.select().from(auditSigningKeys).orderBy(asc(auditSigningKeys.createdAt), asc(auditSigningKeys.keyId));
  return {
    checkpoints: page.map((row) => ({
      id: row.id,
      position: row.position,
      hash: row.hash,
      signedAt: row.signedAt.toISOString(),
      keyId: row.keyId,
      signature: row.signature,
      payload: checkpointPayload(row).toString("base64url"),
    })),
    keys: keys.map((key) => ({
      keyId: key.keyId,
      algorithm: key.algorithm,
      publicKey: key.publicKey,
      publicKeyPem: publicKeyPem(key.publicKey),
      createdAt: key.createdAt.toISOString(),
      retiredAt: key.retiredAt?.toISOString() ?? null,
    })),
    /** The `after` of the next page, or null on the last. */
    nextAfter: rows.length > limit ? page.at(-1)!.id : null,
  };
}
