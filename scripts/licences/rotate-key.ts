/**
 * `npm run licences:rotate-key`: a new licence signing key for an installation that keeps its key in
 * DATA_DIR/licence-keys. The old key file is kept as `<key id>.retired.pem`; in the database the new public key is
 * published and the old one marked retired — it stays published, so every licence it signed keeps verifying.
 * Stop the server first (the embedded database allows one process); it signs with the new key once restarted.
 *
 * With LICENCE_SIGNING_KEY configured there is no file to rotate: generate a new key
 * (`openssl genpkey -algorithm ed25519`), give it to every replica, and restart them; each start publishes it.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/server/env";
import { keyDirectoryOf, registerActiveSigningKey, rotateKeyDirectory } from "@/server/licences/signing-keys";

async function main() {
  if (getEnv().LICENCE_SIGNING_KEY) {
    console.error("licences:rotate-key: the signing key comes from LICENCE_SIGNING_KEY. Set a new key there (openssl genpkey -algorithm ed25519) on every replica and restart them.");
    process.exit(2);
  }
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    await migrateDatabase(handle);
    const directory = keyDirectoryOf();
    const { active, retiredKeyId } = rotateKeyDirectory(directory);
    await registerActiveSigningKey(handle.db, active);
    console.log(`licences:rotate-key: new key ${active.keyId} in ${directory}${retiredKeyId ? `; ${retiredKeyId} retired (still published)` : ""}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`licences:rotate-key: ${error.message}`);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
});
