/**
 * Writes one licence, signed. The one way a licence enters the register — an approval issuing it, the demo seed
 * filling wallets — so no licence is ever stored without its signature, and its key is published in the same
 * transaction. It is signed in the current payload format, its personal numbers hashed with the active hash key.
 */
import { randomUUID } from "node:crypto";
import type { TDatabase } from "@/db/client";
import { licences, type TLicence } from "@/db/schema";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import { buildLicencePayload, hashKeyIdFor, LICENCE_PAYLOAD_VERSION, type TLicenceContent } from "./licence-payload";
import { signLicencePayload } from "./licence-signature";
import { getActiveSigningKey, publishSigningKey, type TSigningKey } from "./signing-keys";

export type TInsertSignedLicenceInput = Omit<TLicenceContent, "id" | "signedAt" | "payloadVersion" | "hashKeyId"> & {
  id?: string;
  holderUserId: string | null;
  holderCompanyId: string | null;
  issuingDepartmentId: string;
  caseId?: string | null;
  taskId?: string | null;
  signedAt: Date;
};

export async function insertSignedLicence(
  tx: TDatabase,
  input: TInsertSignedLicenceInput,
  key: TSigningKey = getActiveSigningKey(),
  hashKeys: TLicenceHashKeys = getLicenceHashKeys(),
): Promise<TLicence> {
  const content = { ...input, id: input.id ?? randomUUID(), payloadVersion: LICENCE_PAYLOAD_VERSION, hashKeyId: hashKeyIdFor(input, hashKeys) };
  await publishSigningKey(tx, key);
  const signature = signLicencePayload(buildLicencePayload(content, hashKeys), key);
  const [row] = await tx
    .insert(licences)
    .values({ ...content, caseId: input.caseId ?? null, taskId: input.taskId ?? null, signature, keyId: key.keyId })
    .returning();
  return row;
}
