/**
 * The upgrade paths setup's resignLicences takes on both databases: a database from before licences were signed
 * (migrations 0000–0004, the demo seed's wallet licences in it), whose licences the signing migration fills and
 * setup signs; and a database whose licences were signed in payload version 1 (its QR codes carried the holder's
 * full ID number), whose licences setup re-signs in version 2 — after which they verify, the old QR codes still
 * verify, and a row altered in the meantime is left to read "forged".
 */
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { licences } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { migrationsUpTo, openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { checkLicenceHolder } from "./check-licence-holder";
import { getLicenceHashKeys } from "./licence-hash-key";
import { buildLegacyLicencePayload, LICENCE_PAYLOAD_VERSION } from "./licence-payload";
import { signLicencePayload } from "./licence-signature";
import { encodeLicencePayload, licenceVerifyUrl } from "./licence-verify-url";
import { resignLicences } from "./resign-licences";
import { getActiveSigningKey, publishSigningKey } from "./signing-keys";
import { verifyLicence } from "./verify-licence";

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

    expect(await resignLicences({ db })).toMatchObject({ signed: 2, resigned: 0, refused: [] });
    expect(await resignLicences({ db })).toMatchObject({ signed: 0, resigned: 0 });
    for (const row of migrated) {
      expect(await verifyLicence({ db, licenceId: row.id, today: "2026-03-02" }), row.number).toMatchObject({ state: "valid", licence: { keyId: getActiveSigningKey().keyId } });
    }
  });
});

describe.each(testDatabaseKinds)("upgrading licences signed in payload version 1 on %s", (kind) => {
  let database: TTestDatabase;
  let earlier: string;
  beforeAll(async () => {
    earlier = migrationsUpTo("0008_security");
    database = await openTestDatabase(kind, { migrationsFolder: earlier });
  });
  afterAll(async () => {
    await database?.drop();
    if (earlier) fs.rmSync(earlier, { recursive: true, force: true });
  });

  it("re-signs each authentic licence in version 2 once, keeps its old QR code verifying, and leaves an altered one forged", async () => {
    const { db } = database;
    const key = getActiveSigningKey();
    await db.execute(sql`insert into departments (id, code, name, short_name) values
      ('00000000-0000-4000-8000-0000000000a3', 'HRSS', '{"zh-Hans":"人力资源和社会保障局","zh-Hant":"人力資源和社會保障局","en":"Human Resources and Social Security Bureau"}', '{"zh-Hans":"人社","zh-Hant":"人社","en":"HRSS"}')`);
    await db.execute(sql`insert into users (id, username, password_hash, display_name, role, resident_id_number) values
      ('00000000-0000-4000-8000-0000000000b1', 'citizen', 'x', '张三', 'citizen', '310104198803124016')`);
    // Two proofs as the version-1 code signed them (payload_version keeps its default, 1); the second is then altered.
    for (const id of ["00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-0000000000e2"]) {
      await db.execute(sql`insert into licences (id, number, type, title, holder_user_id, holder_name, holder_id_number, issuing_department_id, issuer_code, issuer_name, data, data_fields, valid_from, valid_until, signed_at) values
        (${id}, ${`SBZM-20260301-${id.slice(-2)}`}, 'social-insurance-proof', '{"zh-Hans":"社会保险参保缴费证明","zh-Hant":"社會保險參保繳費證明","en":"Proof of social insurance contributions"}', '00000000-0000-4000-8000-0000000000b1', '张三', '310104198803124016', '00000000-0000-4000-8000-0000000000a3', 'HRSS', '{"zh-Hans":"人力资源和社会保障局","zh-Hant":"人力資源和社會保障局","en":"Human Resources and Social Security Bureau"}', '{"insuredName":"张三","purpose":"购房"}', '[{"key":"insuredName","label":{"zh-Hans":"参保人","zh-Hant":"參保人","en":"Insured person"}}]', '2026-03-01', '2026-05-31', '2026-03-01T02:00:00Z')`);
    }
    await publishSigningKey(db, key);
    const oldLinks = new Map<string, Record<string, string>>();
    // The columns the version-1 code knew (this schema is ahead of the database until it migrates).
    const printedColumns = {
      id: licences.id,
      number: licences.number,
      type: licences.type,
      title: licences.title,
      holderName: licences.holderName,
      holderIdNumber: licences.holderIdNumber,
      holderUscc: licences.holderUscc,
      issuerCode: licences.issuerCode,
      issuerName: licences.issuerName,
      data: licences.data,
      dataFields: licences.dataFields,
      validFrom: licences.validFrom,
      validUntil: licences.validUntil,
      signedAt: licences.signedAt,
    };
    for (const row of await db.select(printedColumns).from(licences)) {
      const legacy = buildLegacyLicencePayload(row);
      const signature = signLicencePayload(legacy, key);
      await db.update(licences).set({ signature, keyId: key.keyId }).where(eq(licences.id, row.id));
      // What the old QR code's address carried: the full ID number, deflated.
      oldLinks.set(row.id, { d: encodeLicencePayload(legacy), s: signature, k: key.keyId });
    }
    await db.update(licences).set({ data: { insuredName: "张三", purpose: "落户" } }).where(eq(licences.id, "00000000-0000-4000-8000-0000000000e2"));

    await migrateDatabase(database);
    const result = await resignLicences({ db });
    expect(result).toEqual({ signed: 0, resigned: 1, refused: ["00000000-0000-4000-8000-0000000000e2"], unknownHashKey: [] });
    expect(await resignLicences({ db })).toEqual({ signed: 0, resigned: 0, refused: ["00000000-0000-4000-8000-0000000000e2"], unknownHashKey: [] });

    const [upgraded] = await db.select().from(licences).where(eq(licences.id, "00000000-0000-4000-8000-0000000000e1"));
    expect(upgraded).toMatchObject({ payloadVersion: LICENCE_PAYLOAD_VERSION, hashKeyId: getLicenceHashKeys().active.keyId, keyId: key.keyId });
    const today = "2026-03-02";
    expect(await verifyLicence({ db, licenceId: upgraded.id, today })).toMatchObject({ state: "valid", link: "none", licence: { holderCheck: true } });
    expect(await verifyLicence({ db, licenceId: upgraded.id, query: oldLinks.get(upgraded.id), today })).toMatchObject({ state: "valid", link: "legacy" });
    const newLink = Object.fromEntries(new URL(licenceVerifyUrl(upgraded, { origin: "https://x" })).searchParams);
    expect(await verifyLicence({ db, licenceId: upgraded.id, query: newLink, today })).toMatchObject({ state: "valid", link: "current" });
    expect(await checkLicenceHolder({ db, address: "203.0.113.7", licenceId: upgraded.id, idNumber: "310104198803124016" })).toEqual({ ok: true, matches: true });
    expect(await checkLicenceHolder({ db, address: "203.0.113.7", licenceId: upgraded.id, idNumber: "11010519491231002X" })).toEqual({ ok: true, matches: false });

    expect(await verifyLicence({ db, licenceId: "00000000-0000-4000-8000-0000000000e2", today })).toEqual({ state: "forged", where: "register" });
  });
});
