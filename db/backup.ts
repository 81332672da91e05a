/**
 * Backing up and restoring the database with each engine's own tool, so a backup is exactly what the engine keeps:
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot taken while the portal serves) and `pg_restore`
 *   into an empty database. The client tools must be at least the server's major version.
 * - PGlite: its data directory as a gzipped tar (`dumpDataDir`), taken with the DATA_DIR lock held — so only while
 *   no server has it open — and loaded into a DATA_DIR that holds no database yet.
 * A restore never overwrites: it refuses a database that has tables, or a DATA_DIR that has a database, so a wrong
 * command cannot destroy the data it was meant to protect. Keys (AUTH_SECRET, the data key, licence signing and hash
 * keys) are not in the database and are backed up apart from it (docs/OPERATIONS.md): a backup's personal numbers
 * open only with the data key of its day, and setup refuses it without that key.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TDatabaseHandle } from "./client";

export type TBackupFormat = "pg_dump" | "pglite";

/** What a backup file holds, by its first bytes: pg_dump's custom format starts "PGDMP", a gzip 1f 8b. */
export function readBackupFormat(file: string): TBackupFormat | null {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "pglite";
  return null;
}

/** Writes a backup of the open database to `file`; PostgreSQL needs its address (`url`) for pg_dump. */
export async function backupDatabase(handle: TDatabaseHandle, { file, url }: { file: string; url?: string }): Promise<TBackupFormat> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (handle.kind === "pglite") {
    if (!handle.pglite) throw new Error("the embedded database's client is not available");
    // Everything written so far onto the pages the dump copies, sequences' current values included (else a restored
    // sequence resumes from the value its last WAL record logged ahead, up to 32 further on).
    await handle.pglite.exec("checkpoint");
    const dump = await handle.pglite.dumpDataDir("gzip");
    writeWhole(file, new Uint8Array(await dump.arrayBuffer()));
    return "pglite";
  }
  if (!url) throw new Error("PostgreSQL's address is needed for pg_dump");
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}.partial`, `--dbname=${url}`]);
  fs.renameSync(`${file}.partial`, file);
  return "pg_dump";
}

/** Restores a pg_dump backup into the PostgreSQL database at `url`, which must have no tables yet. */
export async function restorePostgresql({ file, url }: { file: string; url: string }): Promise<void> {
  if (readBackupFormat(file) !== "pg_dump") throw new Error("this file is not a PostgreSQL backup (pg_dump's custom format)");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>("select count(*) from information_schema.tables where table_schema in ('public', 'drizzle')");
    if (Number(rows[0].count) > 0) throw new Error("the target database already has tables; restore into a new, empty database");
  } finally {
    await client.end();
  }
  await run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file]);
}

/** Restores a PGlite backup as the database of `dataDir`, which must not have one yet. */
export async function restorePglite({ file, dataDir }: { file: string; dataDir: string }): Promise<void> {
  if (readBackupFormat(file) !== "pglite") throw new Error("this file is not an embedded-database backup (PGlite's gzipped data directory)");
  const target = path.join(path.resolve(dataDir), "pglite");
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) throw new Error(`${target} already holds a database; restore into an empty DATA_DIR`);
  fs.mkdirSync(target, { recursive: true });
  const client = new PGlite(target, { loadDataDir: new Blob([fs.readFileSync(file)]) });
  await client.waitReady;
  await client.close();
}

/** Writes the file whole or not at all: a backup cut short must not pass for one. */
function writeWhole(file: string, bytes: Uint8Array) {
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, file);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new Error(`${command} could not run (${error.message}): install PostgreSQL's client tools`)));
    // The address (with any password) is an argument, never echoed: only the tool's own message is reported.
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`))));
  });
}
