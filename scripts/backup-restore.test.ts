import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase, readBackupFormat, restorePglite, restorePostgresql } from "@/db/backup";
import { openDatabase, type TDatabase, type TDatabaseHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { caseEvents } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers, restaurantAnswers } from "@/seed/sample-answers";
import { sealAuditRecords } from "@/server/audit/seal-audit-records";
import { verifyAuditChain } from "@/server/audit/verify-audit-trail";
import { verifyAllCaseTrails } from "@/server/cases/verify-all-case-trails";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { claimTask } from "@/server/workflow/claim-task";

/** Every row of every table of the portal's schemas (and the migrations drizzle applied), as sorted JSON lines. */
async function readEveryTable(db: TDatabase): Promise<Record<string, string[]>> {
  const rows = <T,>(query: ReturnType<typeof sql>) => executeRows<T>(db, query);
  const tables = await rows<{ schema: string; name: string }>(
    sql`select table_schema as schema, table_name as name from information_schema.tables where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1, 2`,
  );
  const contents: Record<string, string[]> = {};
  for (const table of tables) {
    const name = sql.raw(`"${table.schema}"."${table.name}"`);
    contents[`${table.schema}.${table.name}`] = (await rows<{ row: string }>(sql`select row_to_json(t)::text as row from ${name} t`)).map((row) => row.row).sort();
  }
  const sequences = await rows<{ name: string }>(sql`select sequence_name as name from information_schema.sequences where sequence_schema = 'public' order by 1`);
  for (const sequence of sequences) {
    contents[`sequence ${sequence.name}`] = (await rows<{ state: string }>(sql`select concat(last_value, ' ', is_called) as state from ${sql.raw(`"public"."${sequence.name}"`)}`)).map((row) => row.state);
  }
  return contents;
}

/** A new PostgreSQL database beside TEST_DATABASE_URL with nothing in it, and how to drop it. */
async function createEmptyPostgresql() {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `onedoor_restore_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = new pg.Client({ connectionString: adminUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

describe.each(testDatabaseKinds)("backup and restore on %s", (kind) => {
  let world: TWorld;
  let folder: string;
  let backupFile: string;

  beforeAll(async () => {
    world = await openSeededWorld(kind);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-backup-test-"));
    backupFile = path.join(folder, "onedoor.backup");
    // Cases with trails, tasks, an instant licence and a claim: the tables a real backup carries.
    await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    const restaurant = await submitTestCase(world, { username: "enterprise", subjectCode: "BUNDLE-RESTAURANT", answers: restaurantAnswers() });
    const claimed = await claimTask({ db: world.db, actor: await world.actorOf("clerk-amr"), taskId: restaurant.taskOf("AMR") });
    expect(claimed.ok).toBe(true);
    // The audit records of those acts, chained as the worker chains them, so the backup carries a sealed chain.
    expect((await sealAuditRecords({ db: world.db })).sealed).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await world?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("restores every table, row for row; the audit chain and every case's trail still verify", async () => {
    const format = await backupDatabase(world, { file: backupFile, url: world.url });
    expect(format).toBe(kind === "pglite" ? "pglite" : "pg_dump");
    expect(readBackupFormat(backupFile)).toBe(format);
    expect(fs.existsSync(`${backupFile}.partial`)).toBe(false);

    let restored: TDatabaseHandle;
    let dropRestored: () => Promise<void>;
    if (kind === "pglite") {
      const dataDir = path.join(folder, "data");
      await restorePglite({ file: backupFile, dataDir });
      restored = openDatabase({ kind: "pglite", dataDir });
      dropRestored = restored.close;
    } else {
      const empty = await createEmptyPostgresql();
      await restorePostgresql({ file: backupFile, url: empty.url });
      restored = openDatabase({ kind: "postgresql", url: empty.url, poolSize: 2 });
      dropRestored = async () => {
        await restored.close();
        await empty.drop();
      };
    }
    try {
      const before = await readEveryTable(world.db);
      const after = await readEveryTable(restored.db);
      expect(Object.keys(before)).toEqual(
        expect.arrayContaining(["public.users", "public.cases", "public.tasks", "public.case_events", "public.licences", "public.outbox", "drizzle.__drizzle_migrations", "sequence case_number_seq"]),
      );
      expect(before["public.cases"]).toHaveLength(2);
      expect(before["public.licences"].length).toBeGreaterThan(0);
      expect(after).toEqual(before);

      // The restored audit trail is one unbroken chain, every record where the original had it.
      const chain = await verifyAuditChain({ db: restored.db });
      expect(chain).toMatchObject({ broken: null });
      expect(chain.records).toBeGreaterThan(0);

      const trails = await verifyAllCaseTrails({ db: restored.db });
      expect(trails).toMatchObject({ cases: 2, broken: [] });
      expect(trails.events).toBeGreaterThan(4);

      // The check is real: a rewritten event in the restored copy is found, by case and event.
      const [event] = await restored.db.select({ id: caseEvents.id }).from(caseEvents).limit(1);
      await restored.db.update(caseEvents).set({ kind: "rewritten" }).where(eq(caseEvents.id, event.id));
      expect((await verifyAllCaseTrails({ db: restored.db })).broken).toEqual([expect.objectContaining({ eventId: event.id })]);
    } finally {
      await dropRestored();
    }
  });

  it("never restores over a database, and refuses a file of the other kind or of no kind", async () => {
    const notABackup = path.join(folder, "notes.txt");
    fs.writeFileSync(notABackup, "not a backup");
    expect(readBackupFormat(notABackup)).toBeNull();
    if (kind === "pglite") {
      const dataDir = path.join(folder, "taken");
      await restorePglite({ file: backupFile, dataDir });
      await expect(restorePglite({ file: backupFile, dataDir })).rejects.toThrow(/already holds a database/);
      await expect(restorePglite({ file: notABackup, dataDir: path.join(folder, "other") })).rejects.toThrow(/not an embedded-database backup/);
    } else {
      await expect(restorePostgresql({ file: backupFile, url: world.url! })).rejects.toThrow(/already has tables/);
      await expect(restorePostgresql({ file: notABackup, url: world.url! })).rejects.toThrow(/not a PostgreSQL backup/);
    }
  });
});
