/**
 * Run by setup after the migrations: brings every licence in the register to the current payload format and hash key.
 *
 * - Unsigned licences (stored before licences were signed) are signed.
 * - Licences signed in an older payload format (version 1 carried the holder's full ID number into the QR code's
 *   address) and licences hashed with a hash key that was rotated out are re-hashed and re-signed — but only when
 *   their row still matches the signature it has: re-signing a row altered in the database would launder the
 *   change, so such a row is left as it is (it keeps reading "forged") and reported.
 *
 * Each batch is its own transaction, so a large register is not held in one lock. What is signed uses the active
 * signing key and the active hash key; the old signatures' keys stay published, so links printed before keep verifying.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, ne, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licences, licenceSigningKeys, type TLicence } from "@/db/schema";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import { buildLicencePayload, buildRegisterPayload, hashKeyIdFor, LEGACY_PAYLOAD_VERSION, LICENCE_PAYLOAD_VERSION } from "./licence-payload";
import { signLicencePayload, verifyLicencePayload } from "./licence-signature";
import { getActiveSigningKey, publishSigningKey, type TSigningKey } from "./signing-keys";

export type TResignLicencesResult = {
  /** Licences that had no signature. */
  signed: number;
  /** Licences re-signed in the current format or with the active hash key. */
  resigned: number;
  /** Licences left as they are because their row no longer matches its signature (altered in the database). */
  refused: string[];
  /** Licences left as they are because they name a hash key that is not configured: setup must not go on. */
  unknownHashKey: string[];
};

const firstId = "00000000-0000-0000-0000-000000000000";

export async function resignLicences({
  db,
  key = getActiveSigningKey(),
  hashKeys = getLicenceHashKeys(),
  batchSize = 200,
}: {
  db: TDatabase;
  key?: TSigningKey;
  hashKeys?: TLicenceHashKeys;
  batchSize?: number;
}): Promise<TResignLicencesResult> {
  const result: TResignLicencesResult = { signed: 0, resigned: 0, refused: [], unknownHashKey: [] };
  const configuredHashKeys = [hashKeys.active.keyId, ...(hashKeys.previous ? [hashKeys.previous.keyId] : [])];
  const stale = or(
    isNull(licences.signature),
    lt(licences.payloadVersion, LICENCE_PAYLOAD_VERSION),
    and(isNotNull(licences.hashKeyId), ne(licences.hashKeyId, hashKeys.active.keyId)),
  );
  for (let after = firstId; ; ) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx.select().from(licences).where(and(stale, gt(licences.id, after))).orderBy(asc(licences.id)).limit(batchSize).for("update");
      if (rows.length === 0) return rows;
      const keyIds = [...new Set(rows.flatMap((row) => (row.keyId ? [row.keyId] : [])))];
      const publicKeys = new Map(keyIds.length > 0 ? (await tx.select().from(licenceSigningKeys).where(inArray(licenceSigningKeys.keyId, keyIds))).map((row) => [row.keyId, row.publicKey]) : []);
      await publishSigningKey(tx, key);
      for (const row of rows) {
        if (row.payloadVersion !== LEGACY_PAYLOAD_VERSION && row.hashKeyId !== null && !configuredHashKeys.includes(row.hashKeyId)) {
          result.unknownHashKey.push(row.id);
          continue;
        }
        if (row.signature !== null && !stillAuthentic(row, publicKeys.get(row.keyId ?? ""), hashKeys)) {
          result.refused.push(row.id);
          continue;
        }
        const content = { ...row, payloadVersion: LICENCE_PAYLOAD_VERSION, hashKeyId: hashKeyIdFor(row, hashKeys) };
        await tx
          .update(licences)
          .set({ signature: signLicencePayload(buildLicencePayload(content, hashKeys), key), keyId: key.keyId, payloadVersion: content.payloadVersion, hashKeyId: content.hashKeyId })
          .where(eq(licences.id, row.id));
        if (row.signature === null) result.signed += 1;
        else result.resigned += 1;
      }
      return rows;
    });
    if (batch.length === 0) return result;
    after = batch[batch.length - 1].id;
  }
}

function stillAuthentic(row: TLicence, publicKey: string | undefined, hashKeys: TLicenceHashKeys): boolean {
  return row.signature !== null && publicKey !== undefined && verifyLicencePayload(buildRegisterPayload(row, hashKeys), row.signature, publicKey);
}
