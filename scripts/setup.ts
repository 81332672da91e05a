/**
 * Brings the database up to date: applies the committed migrations, signs licences stored before licences were
 * signed, then seeds the demo data into an empty embedded database (or into PostgreSQL when SEED_DEMO=1). Run by
 * `npm start` before the server starts.
 * While it runs it holds the DATA_DIR lock, so it refuses to touch a directory a running server has open.
 * PostgreSQL that does not answer yet is waited for, DATABASE_WAIT_SECONDS (default 60), then setup fails (exit 4)
 * naming the reason: an orchestrator restarting it then does so once a minute, not in a tight loop.
 */
import { databaseOptionsFromEnv, openDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { waitForDatabase } from "@/db/wait-for-database";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/seed-demo";
import { signUnsignedLicences } from "@/server/licences/sign-unsigned-licences";

async function main() {
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
    const signed = await signUnsignedLicences({ db: handle.db });
    if (signed > 0) console.log(`setup: signed ${signed} licence(s) stored before licences were signed`);
    const wantDemo = process.env.SEED_DEMO ? process.env.SEED_DEMO === "1" : handle.kind === "pglite";
    if (wantDemo && (await isDatabaseEmpty(handle.db))) {
      await seedDemo(handle.db);
      console.log("setup: demo data seeded (accounts: see README, password demo2026)");
    }
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`setup: ${error.message}`);
    process.exit(3);
  }
  console.error(error);
  process.exit(1);
});
