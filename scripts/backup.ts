/**
 * `npm run backup -- <file>`: a backup of the portal's database (db/backup.ts). PostgreSQL (DATABASE_URL): pg_dump's
 * custom format, taken while the portal serves. Embedded (DATA_DIR): the PGlite data directory, gzipped — stop the
 * server first; the DATA_DIR lock refuses while one has it open. Keys are not in it: back them up apart.
 */
import fs from "node:fs";
import { backupDatabase } from "@/db/backup";
import { openDatabase } from "@/db/client";
import { databaseOptionsFromEnv } from "@/db/database-env";
import { DataDirLockedError } from "@/db/data-dir-lock";

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error("usage: npm run backup -- <file>");
  if (fs.existsSync(file)) throw new Error(`${file} exists already; name a new file`);
  const options = databaseOptionsFromEnv();
  const handle = openDatabase(options.kind === "postgresql" ? { ...options, statementTimeoutMs: 0 } : options);
  try {
    const format = await backupDatabase(handle, { file, url: options.kind === "postgresql" ? options.url : undefined });
    console.log(`backup: ${file} (${format === "pg_dump" ? "PostgreSQL, pg_dump custom format" : "embedded PGlite data directory, gzip"}, ${(fs.statSync(file).size / 1024).toFixed(0)} KB)`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError ? `backup: ${error.message} — stop the server, then back up` : `backup: ${(error as Error).message}`);
  process.exit(1);
});
