/**
 * The second half of a data key rotation (the first makes a new key active and keeps the old one as the previous
 * key: data-keys.ts): seals every value again under the active key, pass after pass until a pass finds nothing
 * left, then retires the previous key — recorded in `data_keys`, so a start with a backup from before the rotation
 * asks for it by id — and, for keys in DATA_DIR, moves its file to `data-keys/retired/`, where it waits to be
 * archived with the backups it can still open (docs/OPERATIONS.md, "Keys").
 *
 * It runs while the portal serves (reseal-stored-data.ts explains why that is safe). `settleMs` first lets other
 * processes that read DATA_DIR's keys switch to the new key (they read again every 5 s), so none seals under the
 * old key after the last pass.
 */
import fs from "node:fs";
import path from "node:path";
import { setTimeout as wait } from "node:timers/promises";
import type { TDatabase } from "@/db/client";
import { dataKeys } from "@/db/schema";
import { dataKeyDirectoryOf, dataKeysFromDirectory, forgetDataKeys, getDataKeys, previousDataKeyFile } from "@/db/sealing/data-keys";
import { resealStoredData } from "./reseal-stored-data";

export type TFinishRotationResult =
  | { finished: true; retiredKeyId: string | null; passes: number; changed: number }
  | { finished: false; passes: number; changed: number };

export async function finishDataKeyRotation({ db, settleMs = 0, maxPasses = 10 }: { db: TDatabase; settleMs?: number; maxPasses?: number }): Promise<TFinishRotationResult> {
  const { active, previous } = getDataKeys();
  if (!previous) return { finished: true, retiredKeyId: null, passes: 0, changed: 0 };
  if (settleMs > 0) await wait(settleMs);
  let passes = 0;
  let changed = 0;
  for (;;) {
    const pass = await resealStoredData({ db });
    passes += 1;
    changed += pass.changed;
    if (pass.changed === 0 && pass.skipped === 0) break;
    if (passes >= maxPasses) return { finished: false, passes, changed };
  }
  const now = new Date();
  await db.insert(dataKeys).values({ keyId: active.keyId }).onConflictDoNothing();
  await db.insert(dataKeys).values({ keyId: previous.keyId, retiredAt: now }).onConflictDoUpdate({ target: dataKeys.keyId, set: { retiredAt: now } });
  if (dataKeysFromDirectory()) {
    const directory = dataKeyDirectoryOf();
    const retired = path.join(directory, "retired");
    fs.mkdirSync(retired, { recursive: true, mode: 0o700 });
    try {
      fs.renameSync(path.join(directory, previousDataKeyFile), path.join(retired, `${previous.keyId}.key`));
    } catch (error) {
      // Another process (the server's worker, or this script run twice) finished the same rotation first.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    forgetDataKeys();
  }
  return { finished: true, retiredKeyId: previous.keyId, passes, changed };
}
