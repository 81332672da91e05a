/**
 * The licences among these whose register row still matches its signature. A licence used in place of paper
 * (免提交) must be the one its department signed: a row altered in the database is refused like a forged paper.
 */
import { inArray } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licenceSigningKeys, type TLicence } from "@/db/schema";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import { buildRegisterPayload } from "./licence-payload";
import { verifyLicencePayload } from "./licence-signature";

export async function filterAuthenticLicences<T extends TLicence>(db: TDatabase, rows: T[], hashKeys: TLicenceHashKeys = getLicenceHashKeys()): Promise<T[]> {
  const keyIds = [...new Set(rows.flatMap((row) => (row.keyId ? [row.keyId] : [])))];
  if (keyIds.length === 0) return [];
  const keys = new Map((await db.select().from(licenceSigningKeys).where(inArray(licenceSigningKeys.keyId, keyIds))).map((key) => [key.keyId, key.publicKey]));
  return rows.filter((row) => {
    const publicKey = row.keyId ? keys.get(row.keyId) : undefined;
    return row.signature !== null && publicKey !== undefined && verifyLicencePayload(buildRegisterPayload(row, hashKeys), row.signature, publicKey);
  });
}
