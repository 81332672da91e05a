/**
 * `npm run audit:verify`: seals what is committed, then verifies the whole audit chain, every checkpoint's signature,
 * that the chain reaches every checkpoint, the case events anchored in it and every case trail
 * (server/audit/verify-audit-trail.ts). The outcome is stored (the admin page shows the last one). Exits 0 when all
 * holds, 1 naming the first broken record (table and id) when not. On the embedded database, stop the server first.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { migrateDatabase } from "@/db/migrate";
import { verifyAuditTrail } from "@/server/audit/verify-audit-trail";

async function main() {
  const handle = openDatabase(databaseOptionsFromEnv());
  try {
    await migrateDatabase(handle);
    const started = performance.now();
    const verification = await verifyAuditTrail({ db: handle.db });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = `${verification.records} records, ${verification.checkpoints} checkpoints, ${verification.caseTrails} case trails`;
    if (verification.ok) {
      console.log(`audit:verify: the trail holds (${counts}) in ${seconds} s`);
      return;
    }
    console.error(`audit:verify: BROKEN — first broken record: ${verification.brokenTable} ${verification.brokenId} (${verification.reason}); ${counts} checked in ${seconds} s`);
    process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`audit:verify: ${error.message}`);
    process.exit(3);
  }
  console.error(error);
  process.exit(2);
});
