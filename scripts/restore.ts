/**
 * `npm run restore -- <file>`: restores a backup made by `npm run backup` into the database the environment names
 * — PostgreSQL (DATABASE_URL: a new, empty database) or embedded (DATA_DIR: one without a database yet) — then
 * checks every case's trail and exits non-zero if any chain is broken. It never overwrites a database.
 * After it, `npm start` migrates the restored database forward if the backup is older than the code.
 */
import { restorePglite, restorePostgresql } from "@/db/backup";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { acquireDataDirLock, DataDirLockedError } from "@/db/data-dir-lock";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run restore -- <file>");
  const options = databaseOptionsFromEnv();
  if (options.kind === "postgresql") {
    await restorePostgresql({ file, url: options.url });
  } else if (options.kind === "pglite") {
    const release = acquireDataDirLock(options.dataDir);
    try {
      await restorePglite({ file, dataDir: options.dataDir });
    } finally {
      release();
    }
  }
  console.log(`restore: ${file} restored (${options.kind})`);
  const handle = openDatabase(options);
  try {
    const trails = await verifyAllCaseTrails({ db: handle.db });
    console.log(`restore: ${trails.cases} case trail(s), ${trails.events} event(s) checked`);
    if (trails.broken.length > 0) {
      console.error(`restore: ${trails.broken.length} trail(s) broken: ${trails.broken.map((row) => `${row.caseNumber} at event ${row.eventId}`).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError ? `restore: ${error.message} — stop the server, then restore` : `restore: ${(error as Error).message}`);
  process.exit(1);
});
