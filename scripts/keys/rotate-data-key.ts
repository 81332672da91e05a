/**
 * `npm run keys:rotate-data`: seals every ID number, mobile and sensitive answer again under a new data key, while
 * the portal serves (server/data-protection/finish-data-key-rotation.ts).
 *
 * - Keys in DATA_DIR/data-keys: a new key is made active, the old one kept as data.previous.key. Servers reading
 *   that directory switch to the new key within seconds. This script then seals everything again and retires the
 *   old key into data-keys/retired/. On the embedded database, whose directory a running server holds, the server's
 *   own worker does that part within a minute and logs "data key rotation finished".
 * - DATA_ENCRYPTION_KEY: there is no file to rotate. Give every replica the new key as DATA_ENCRYPTION_KEY and the
 *   old one as DATA_ENCRYPTION_KEY_PREVIOUS (a rolling restart), then run this with the same two settings. Once it
 *   says finished, DATA_ENCRYPTION_KEY_PREVIOUS can be dropped; keep it with the backups taken before.
 * A rotation left unfinished (interrupted) is finished by running this again.
 */
import { openDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { migrateDatabase } from "@/db/migrate";
import { dataKeyDirectoryOf, forgetDataKeys, getDataKeys, rotateDataKeyDirectory } from "@/db/sealing/data-keys";
import { finishDataKeyRotation } from "@/server/data-protection/finish-data-key-rotation";

const name = "keys:rotate-data";
/**
 * Twice the time a process keeps DATA_DIR's keys before reading them again (db/sealing/data-keys.ts); `--settle-ms 0`
 * when no server runs (its test).
 */
const settleArgument = process.argv.indexOf("--settle-ms");
const directorySettleMs = settleArgument > 0 ? Number(process.argv[settleArgument + 1]) : 10_000;

async function main() {
  const fromEnvironment = Boolean(process.env.DATA_ENCRYPTION_KEY?.trim());
  if (fromEnvironment) {
    if (!getDataKeys().previous) {
      console.error(
        `${name}: the data key comes from DATA_ENCRYPTION_KEY. Give every replica the new key (openssl rand -base64 32) as DATA_ENCRYPTION_KEY and the current one as DATA_ENCRYPTION_KEY_PREVIOUS, restart them one by one, then run this again with the same two settings.`,
      );
      process.exit(2);
    }
  } else if (!getDataKeys().previous) {
    const rotated = rotateDataKeyDirectory(dataKeyDirectoryOf());
    forgetDataKeys();
    console.log(`${name}: new data key ${rotated.active.keyId} in ${dataKeyDirectoryOf()}; ${rotated.previous?.keyId} kept as the previous key until everything is sealed again`);
  } else {
    console.log(`${name}: finishing the rotation left unfinished (previous key ${getDataKeys().previous?.keyId})`);
  }

  let handle;
  try {
    handle = openDatabase(databaseOptionsFromEnv());
    await migrateDatabase(handle);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.log(`${name}: the embedded database is open in a running server; its worker seals everything again within a minute and logs "data key rotation finished"`);
      return;
    }
    throw error;
  }
  try {
    const result = await finishDataKeyRotation({ db: handle.db, settleMs: fromEnvironment ? 0 : directorySettleMs });
    if (!result.finished) {
      console.error(`${name}: ${result.passes} passes sealed ${result.changed} row(s) again and rows kept changing under the old key: a server still seals with it (restart it with the new key), then run this again`);
      process.exitCode = 1;
      return;
    }
    console.log(`${name}: finished: ${result.changed} row(s) sealed again under ${getDataKeys().active.keyId} in ${result.passes} pass(es); key ${result.retiredKeyId} retired${fromEnvironment ? " (DATA_ENCRYPTION_KEY_PREVIOUS can now be dropped; keep it with the backups taken before)" : " into data-keys/retired/ (keep it with the backups taken before)"}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`${name}: ${(error as Error).message}`);
  process.exit(1);
});
