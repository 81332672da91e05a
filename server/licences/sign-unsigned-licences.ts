/**
 * Licences stored before licences were signed (the demo seed of earlier versions) are signed once, by setup after
 * the migration that added signatures, with the active key: from then on every licence in the register verifies.
 */
import { eq, isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licences } from "@/db/schema";
import { buildLicencePayload } from "./licence-payload";
import { signLicencePayload } from "./licence-signature";
import { getActiveSigningKey, publishSigningKey, type TSigningKey } from "./signing-keys";

export async function signUnsignedLicences({ db, key = getActiveSigningKey() }: { db: TDatabase; key?: TSigningKey }): Promise<number> {
  return db.transaction(async (tx) => {
    const unsigned = await tx.select().from(licences).where(isNull(licences.signature)).for("update");
    if (unsigned.length === 0) return 0;
    await publishSigningKey(tx, key);
    for (const licence of unsigned) {
      await tx
        .update(licences)
        .set({ signature: signLicencePayload(buildLicencePayload(licence), key), keyId: key.keyId })
        .where(eq(licences.id, licence.id));
    }
    return unsigned.length;
  });
}
