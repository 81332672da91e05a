/** The published public keys (/api/v1/licences/keys): every key that has signed, the retired ones too. */
import { asc } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licenceSigningKeys } from "@/db/schema";
import { publicKeyPem } from "./signing-keys";

export type TPublishedKey = {
  keyId: string;
  algorithm: "Ed25519";
  /** Raw 32-byte public key, base64url (a JWK's "x"). */
  publicKey: string;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
};

export async function listSigningKeys({ db }: { db: TDatabase }): Promise<TPublishedKey[]> {
  const rows = await db.select().from(licenceSigningKeys).orderBy(asc(licenceSigningKeys.createdAt), asc(licenceSigningKeys.keyId));
  return rows.map((row) => ({
    keyId: row.keyId,
    algorithm: row.algorithm,
    publicKey: row.publicKey,
    publicKeyPem: publicKeyPem(row.publicKey),
    createdAt: row.createdAt.toISOString(),
    retiredAt: row.retiredAt?.toISOString() ?? null,
  }));
}
