/**
 * The upgrade path for a database from before licences were signed (migrations 0000–0004, the demo seed's wallet
 * licences in it): the signing migration fills each licence's printed holder and issuer from the rows it points at,
 * and setup's signUnsignedLicences signs them, after which they verify.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licences } from "@/db/schema";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { signUnsignedLicences } from "./sign-unsigned-licences";
import { getActiveSigningKey } from "./signing-keys";
import { verifyLicence } from "./verify-licence";

/** The committed migrations up to and including `lastTag`, in a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "onedoor-migrations-"));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  const entries = journal.entries.slice(0, last + 1);
  fs.mkdirSync(path.join(folder, "meta"));
  fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

describe.each(testDatabaseKinds)("upgrading unsigned licences on %s", (kind) => {
  let database: TTestDatabase;
  let earlier: string;
  beforeAll(async () => {
    earlier = migrationsUpTo("0004_tasks_overdue_untold_index");
    database = await openTestDatabase(kind, { migrationsFolder: earlier });
  });
  afterAll(async () => {
    await database?.drop();
    if (earlier) fs.rmSync(earlier, { recursive: true, force: true });
  });

  it("fills the printed holder and issuer, then signs each licence once so it verifies", async () => {
    const { db } = database;
    // The demo seed's two wallet licences as the earlier schema stored them.
    await db.execute(sql`insert into departments (id, code, name, short_name) values
      ('00000000-0000-4000-8000-0000000000a1', 'AMR', '{"zh-Hans":"市场监督管理局","zh-Hant":"市場監督管理局","en":"Administration for Market Regulation"}', '{"zh-Hans":"市场监管","zh-Hant":"市場監管","en":"Market Regulation"}'),
      ('00000000-0000-4000-8000-0000000000a2', 'POLICE', '{"zh-Hans":"公安局","zh-Hant":"公安局","en":"Public Security Bureau"}', '{"zh-Hans":"公安","zh-Hant":"公安","en":"Police"}')`);
    await db.execute(sql`insert into users (id, username, password_hash, display_name, role, resident_id_number) values
      ('00000000-0000-4000-8000-0000000000b1', 'citizen', 'x', '张三', 'citizen', '310104198803124016')`);
    await db.execute(sql`insert into companies (id, uscc, name, legal_representative, registered_address, region_code) values
      ('00000000-0000-4000-8000-0000000000c1', '91310104MA1FL8XQ36', '上海一门餐饮管理有限公司', '王五', '上海市徐汇区漕溪北路 88 号', '310104')`);
    await db.execute(sql`insert into licences (id, number, type, title, holder_user_id, holder_company_id, issuing_department_id, data, valid_from) values
      ('00000000-0000-4000-8000-0000000000d1', '沪户310104-2011-004512', 'household-register', '{"zh-Hans":"居民户口簿","zh-Hant":"居民戶口簿","en":"Household register"}', '00000000-0000-4000-8000-0000000000b1', null, '00000000-0000-4000-8000-0000000000a2', '{"name":"张三"}', '2011-03-02'),
      ('00000000-0000-4000-8000-0000000000d2', '310104000201809120017', 'business-licence', '{"zh-Hans":"营业执照","zh-Hant":"營業執照","en":"Business licence"}', null, '00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', '{"uscc":"91310104MA1FL8XQ36"}', '2018-09-12')`);

    await migrateDatabase(database);
    const migrated = await db.select().from(licences).orderBy(licences.number);
    expect(migrated.map((row) => ({ holderName: row.holderName, holderIdNumber: row.holderIdNumber, holderUscc: row.holderUscc, issuerCode: row.issuerCode, signature: row.signature }))).toEqual([
      { holderName: "上海一门餐饮管理有限公司", holderIdNumber: null, holderUscc: "91310104MA1FL8XQ36", issuerCode: "AMR", signature: null },
      { holderName: "张三", holderIdNumber: "310104198803124016", holderUscc: null, issuerCode: "POLICE", signature: null },
    ]);

    expect(await signUnsignedLicences({ db })).toBe(2);
    expect(await signUnsignedLicences({ db })).toBe(0);
    for (const row of migrated) {
      expect(await verifyLicence({ db, licenceId: row.id, today: "2026-03-02" }), row.number).toMatchObject({ state: "valid", licence: { keyId: getActiveSigningKey().keyId } });
    }
  });
});
