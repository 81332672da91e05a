/**
 * `npm run audit:verify` as an operator runs it, on the embedded database and on PostgreSQL: exit 0 when the trail
 * holds, 1 naming the first broken record (table and id) once a record was edited behind the trigger's back.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabaseHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { migrateDatabase } from "@/db/migrate";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { recordAudit } from "@/server/audit/record-audit";

const run = promisify(execFile);

async function verify(env: Record<string, string>) {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/audit/verify.ts"], { env: { ...process.env, DATABASE_URL: undefined, DATA_DIR: undefined, LOG_LEVEL: "silent", ...env } });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, output: failed.stderr };
  }
}

describe.each(testDatabaseKinds)("npm run audit:verify on %s", (kind) => {
  let handle: TDatabaseHandle | TTestDatabase;
  let env: Record<string, string>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-audit-verify-"));
  // The embedded database admits one process at a time: the test closes it before each run of the command.
  const open = async () => {
    if (kind === "pglite") {
      handle = openDatabase({ kind: "pglite", dataDir });
      await migrateDatabase(handle);
    }
    return handle.db;
  };
  const close = async () => (kind === "pglite" ? handle.close() : undefined);

  afterAll(async () => {
    if (kind === "postgresql") await (handle as TTestDatabase).drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("exits 0 when the trail holds, and 1 naming the first edited record", { timeout: 120_000 }, async () => {
    if (kind === "postgresql") {
      handle = await openTestDatabase("postgresql");
      env = { DATABASE_URL: (handle as TTestDatabase).url! };
    } else {
      env = { DATA_DIR: dataDir };
    }
    let db = await open();
    for (const targetId of ["a", "b", "c"]) await recordAudit({ db, actorId: null, actorRole: null, action: "admin-change", targetType: "test", targetId });
    await close();
    const holds = await verify(env);
    expect(holds, holds.output).toMatchObject({ code: 0 });
    expect(holds.output).toContain("the trail holds (3 records");

    db = await open();
    await db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_records disable trigger audit_records_append_only_rows`);
      await tx.execute(sql`update audit_records set target_id = 'B' where target_id = 'b'`);
      await tx.execute(sql`alter table audit_records enable trigger audit_records_append_only_rows`);
    });
    const [edited] = await executeRows<{ id: string }>(db, sql`select id::text as id from audit_records where target_id = 'B'`);
    await close();
    const broken = await verify(env);
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`first broken record: audit_records ${edited.id} (hash)`);
  });
});
