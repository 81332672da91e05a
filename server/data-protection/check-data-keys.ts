/**
 * Run by setup before anything reads the database: refuses a database sealed under a data key this server does not
 * hold — a backup restored from before a rotation, a DATA_DIR lost or not copied, a replica given another
 * DATA_ENCRYPTION_KEY — with the key's id and what to do, instead of starting and failing on every read of a
 * personal number. Then records the active key's id, so the next start (and every replica) knows it.
 *
 * The first start after migration 0031 finds no key recorded: the values stored in clear until then are sealed
 * before the key is recorded (reseal-stored-data.ts), so an interrupted first start seals again next time.
 */
import { isNull } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { dataKeys } from "@/db/schema";
import { heldDataKeys, previousDataKeyFile } from "@/db/sealing/data-keys";
import { resealStoredData } from "./reseal-stored-data";

export class MissingDataKeyError extends Error {
  constructor(readonly keyIds: string[]) {
    super(
      `the database holds values sealed under data key ${keyIds.join(", ")}, which this server does not hold, so it cannot read them: ` +
        `give that key back as DATA_ENCRYPTION_KEY (or DATA_ENCRYPTION_KEY_PREVIOUS during a rotation), or restore DATA_DIR/data-keys/ (its ${previousDataKeyFile} during a rotation) from the key backup — docs/OPERATIONS.md, "Data encryption key"`,
    );
    this.name = "MissingDataKeyError";
  }
}

export async function checkDataKeys({ db }: { db: TDatabase }): Promise<{ sealedFirstTime: number }> {
  const held = new Set(heldDataKeys().map((key) => key.keyId));
  const recorded = await db.select({ keyId: dataKeys.keyId }).from(dataKeys).where(isNull(dataKeys.retiredAt));
  const missing = recorded.map((row) => row.keyId).filter((keyId) => !held.has(keyId));
  if (missing.length > 0) throw new MissingDataKeyError(missing);
  let sealedFirstTime = 0;
  if ((await db.select({ keyId: dataKeys.keyId }).from(dataKeys).limit(1)).length === 0) sealedFirstTime = (await resealStoredData({ db })).changed;
  await db
    .insert(dataKeys)
    .values([...held].map((keyId) => ({ keyId })))
    .onConflictDoNothing();
  return { sealedFirstTime };
}
