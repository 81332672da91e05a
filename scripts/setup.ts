/**
 * Brings the database up to date: applies the committed migrations, refuses a database sealed under a data key this
 * server does not hold (exit 5; server/data-protection/check-data-keys.ts), signs licences stored before licences were
 * signed and re-signs those of an older payload format or hash key (server/licences/resign-licences.ts), then seeds the demo data into an empty embedded database (or into PostgreSQL when SEED_DEMO=1). Run by
 * `npm start` before the server starts.
 * While it runs it holds the DATA_DIR lock, so it refuses to touch a directory a running server has open.
 * PostgreSQL that does not answer yet is waited for, DATABASE_WAIT_SECONDS (default 60), then setup fails (exit 4)
 * naming the reason: an orchestrator restarting it then does so once a minute, not in a tight loop.
 */
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { installQueryErrorRedaction } from "@/db/redact-query-errors";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { waitForDatabase } from "@/db/wait-for-database";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoIfEmpty } from "@/seed/seed-demo";
import { resignLicences } from "@/server/licences/resign-licences";
import { backfillApplicantSearch } from "@/server/cases/backfill-applicant-search";
import { checkDataKeys, MissingDataKeyError } from "@/server/data-protection/check-data-keys";

async function main() {
  installQueryErrorRedaction();
  const options = databaseOptionsFromEnv();
  // Migrations may build indexes on big tables and wait for another replica's migration: no statement timeout.
  const handle = openDatabase(options.kind === "postgresql" ? { ...options, statementTimeoutMs: 0 } : options);
  try {
    const pool = handle.pool;
    if (pool) {
      const waitSeconds = Number(process.env.DATABASE_WAIT_SECONDS || 60);
      if (!Number.isInteger(waitSeconds) || waitSeconds < 0) throw new Error("DATABASE_WAIT_SECONDS must be a whole number of seconds");
      await waitForDatabase({ ask: () => pool.query("select 1"), timeoutMs: waitSeconds * 1000 }).catch((error: unknown) => {
        console.error(`setup: ${(error as Error).message}`);
        process.exit(4);
      });
    }
    await migrateDatabase(handle);
    console.log(`setup: migrations applied (${handle.kind})`);
    const { sealedFirstTime } = await checkDataKeys({ db: handle.db });
    if (sealedFirstTime > 0) console.log(`setup: sealed the ID numbers, mobiles and sensitive answers of ${sealedFirstTime} row(s) stored before data was encrypted at rest`);
    const searchable = await backfillApplicantSearch({ db: handle.db });
    if (searchable > 0) console.log(`setup: made ${searchable} case(s) stored before the desk's search findable by name`);
    const licences = await resignLicences({ db: handle.db });
    if (licences.signed > 0) console.log(`setup: signed ${licences.signed} licence(s) stored before licences were signed`);
    if (licences.resigned > 0) console.log(`setup: re-signed ${licences.resigned} licence(s) in the current payload format and hash key (QR codes no longer carry full ID numbers)`);
    if (licences.refused.length > 0) {
      console.warn(`setup: ${licences.refused.length} licence(s) no longer match their signature and were left as they are (they verify as forged): ${licences.refused.join(", ")}`);
    }
    if (licences.unknownHashKey.length > 0) {
      throw new Error(
        `${licences.unknownHashKey.length} licence(s) name a licence hash key that is not configured, so they cannot be verified: give the key they were hashed with back as LICENCE_HASH_KEY_PREVIOUS (or DATA_DIR/licence-keys/hash.previous.key) and start again (docs/OPERATIONS.md)`,
      );
    }
    const wantDemo = process.env.SEED_DEMO ? process.env.SEED_DEMO === "1" : handle.kind === "pglite";
    if (wantDemo && (await seedDemoIfEmpty(handle.db))) console.log("setup: demo data seeded (accounts: see README, password demo2026; admin and supervisor also give a code of the demo two-factor secret in README)");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`setup: ${error.message}`);
    process.exit(3);
  }
  if (error instanceof MissingDataKeyError) {
    console.error(`setup: refused: ${error.message}`);
    process.exit(5);
  }
  console.error(error);
  process.exit(1);
});
