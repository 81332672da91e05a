/**
 * `npm run audit:rotate-key`: a new audit checkpoint key for an installation that keeps it in DATA_DIR/audit-keys,
 * as licences:rotate-key does for the licence key. The old file is kept as `<key id>.retired.pem`; the new public key
 * is published and the old one marked retired — it stays published, so every checkpoint it signed keeps verifying.
 * Stop the server first (the embedded database allows one process); it signs with the new key once restarted.
 *
 * With AUDIT_SIGNING_KEY configured there is no file to rotate: generate a new key
 * (`openssl genpkey -algorithm ed25519`), give it to every replica, and restart them; each start publishes it.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { migrateDatabase } from "@/db/migrate";
import { auditKeyDirectoryOf, registerActiveAuditKey } from "@/server/audit/audit-signing-key";
import { recordAudit } from "@/server/audit/record-audit";
import { getEnv } from "@/server/env";
import { rotateKeyDirectory } from "@/server/licences/signing-keys";

async function main() {
  if (getEnv().AUDIT_SIGNING_KEY) {
    console.error("audit:rotate-key: the key comes from AUDIT_SIGNING_KEY. Set a new key there (openssl genpkey -algorithm ed25519) on every replica and restart them.");
    process.exit(2);
  }
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    await migrateDatabase(handle);
    const directory = auditKeyDirectoryOf();
    const { active, retiredKeyId } = rotateKeyDirectory(directory);
    await registerActiveAuditKey(handle.db, active);
    await recordAudit({ db: handle.db, actorId: null, actorRole: null, action: "audit-key-rotated", targetType: "audit-key", targetId: active.keyId, details: { retired: retiredKeyId } });
    console.log(`audit:rotate-key: new key ${active.keyId} in ${directory}${retiredKeyId ? `; ${retiredKeyId} retired (still published)` : ""}`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`audit:rotate-key: ${error.message}`);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
});
