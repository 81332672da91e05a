/**
 * Brings the database up to date: applies the committed migrations, signs licences stored before licences were
 * signed, then seeds the demo data into an empty embedded database (or into PostgreSQL when SEED_DEMO=1). Run by
 * `npm start` before the server starts.
 * While it runs it holds the DATA_DIR lock, so it refuses to touch a directory a running server has open.
 */
import { databaseOptionsFromEnv, openDatabase } from "@/db/client";
import { DataDirLockedError } from "@/db/data-dir-lock";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/db/seed/seed-demo";
import { signUnsignedLicences } from "@/server/licences/sign-unsigned-licences";

async function main() {
  const options = databaseOptionsFromEnv();
  const handle = openDatabase(options);
  try {
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
