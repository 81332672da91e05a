/**
 * `npm run seed:load -- --cases N [--seed S]`: fills a PostgreSQL database (DATABASE_URL) with N realistic cases
 * for the scale benchmarks — two years of applications to every service and bundle, their tasks in every status,
 * supplements, extensions, licences, ratings and follow-ups, trails that verify — written set-based, not through the
 * use cases one by one. Migrates and seeds the demo data first when the database is empty; a second run adds N more.
 * The same N and seed on the same database give the same rows (as of the moment given by --now, default now).
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty, seedDemo } from "@/seed/seed-demo";
import { defaultSeed, runSeedLoad } from "./seed-load/run-seed-load";

async function main() {
  const { values } = parseArgs({ options: { cases: { type: "string" }, seed: { type: "string", default: defaultSeed }, now: { type: "string" } } });
  const count = Number(values.cases);
  if (!Number.isInteger(count) || count < 1) throw new Error("give the number of cases: npm run seed:load -- --cases 10000");
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("seed:load: set DATABASE_URL to a PostgreSQL database. The embedded PGlite database is not for scale data: the benchmark it feeds measures PostgreSQL.");
    process.exit(2);
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error("--now must be an ISO date-time");
  const handle = openDatabase({ kind: "postgresql", url, poolSize: 3, statementTimeoutMs: 0 });
  try {
    await migrateDatabase(handle);
    if (await isDatabaseEmpty(handle.db)) {
      await seedDemo(handle.db);
      console.log("seed:load: migrated and seeded the demo data into the empty database");
    }
    await runSeedLoad({ handle, cases: count, seed: values.seed, now, log: (line) => console.log(line) });
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
