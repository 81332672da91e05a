/**
 * The data key's life on both databases: the first start after migration 0031 seals what was stored in clear; a
 * start with a key that does not open the database is refused, naming the key; a rotation seals everything again
 * under the new key while the portal serves, then retires the old one, after which it is no longer needed.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { executeRows } from "@/db/execute-rows";
import { dataKeyFrom, forgetDataKeys, useDataKeys } from "@/db/sealing/data-keys";
import { sealedKeyId } from "@/db/sealing/seal";
import { cases, dataKeys, files, users } from "@/db/schema";
import { ZMaterialField } from "@/lib/forms/definition";
import { storeUpload } from "@/server/materials/store-upload";
import { onePixelPng } from "@/server/testing/access-world";
import { testDatabaseKinds } from "@/db/testing";
import { proofAnswers } from "@/seed/sample-answers";
import { findApplicant } from "@/server/counter/find-applicant";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { checkDataKeys, MissingDataKeyError } from "./check-data-keys";
import { finishDataKeyRotation } from "./finish-data-key-rotation";

const keyA = dataKeyFrom(randomBytes(32));
const keyB = dataKeyFrom(randomBytes(32));

/** The key ids of every sealed string in a raw row's text. */
function keyIdsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/ode1:([0-9a-f]{16}):/g)].map((match) => match[1]))];
}

describe.each(testDatabaseKinds)("the data key on %s", (kind) => {
  let world: TWorld;
  let caseId: string;
  let fileId: string;
  const raw = async () => {
    const [person] = await executeRows<{ resident_id_number: string; resident_id_index: string | null; mobile: string }>(world.db, sql`select resident_id_number, resident_id_index, mobile from users where username = 'citizen'`);
    const [stored] = await executeRows<{ answers: string }>(world.db, sql`select answers::text as answers from cases where id = ${caseId}`);
    return { person, answers: stored.answers };
  };
  beforeAll(async () => {
    useDataKeys({ active: keyA, previous: null });
    world = await openSeededWorld(kind);
    caseId = (await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() })).caseId;
    // An upload of the sensitive class, sealed under the first key.
    const field = ZMaterialField.parse({ key: "report", type: "material", label: { "zh-Hans": "报告", "zh-Hant": "報告", en: "Report" }, dataClass: "sensitive" });
    const stored = await storeUpload({ db: world.db, actor: await world.actorOf("citizen"), field, file: new File([onePixelPng], "report.png") });
    if (!stored.ok) throw new Error(stored.reason);
    fileId = stored.ref.fileId;
    // As an installation stored them before sealing existed: in clear, without an index, no key recorded.
    await world.db.execute(sql`alter table users drop constraint users_resident_id_indexed`);
    await world.db.execute(sql`update users set resident_id_number = '310104198803124016', resident_id_index = null, mobile = '13800138000' where username = 'citizen'`);
    await world.db.execute(sql`alter table users add constraint users_resident_id_indexed check ((resident_id_number is null) = (resident_id_index is null)) not valid`);
    await world.db.execute(sql`update cases set answers = ${JSON.stringify(proofAnswers())}::jsonb where id = ${caseId}`);
    await world.db.delete(dataKeys);
  });
  afterAll(async () => {
    await world?.drop();
  });
  afterEach(() => forgetDataKeys());

  it("seals what was stored in clear at the first start, and records the key", async () => {
    useDataKeys({ active: keyA, previous: null });
    expect((await raw()).person.resident_id_number).toBe("310104198803124016");
    const { sealedFirstTime } = await checkDataKeys({ db: world.db });
    expect(sealedFirstTime).toBeGreaterThanOrEqual(2);
    const after = await raw();
    expect(after.person.resident_id_number).not.toContain("310104198803124016");
    expect(after.person.mobile).not.toContain("13800138000");
    expect(after.person.resident_id_index).not.toBeNull();
    expect(after.answers).not.toContain("310104198803124016");
    expect(keyIdsIn(`${after.person.resident_id_number} ${after.answers}`)).toEqual([keyA.keyId]);
    expect(await world.db.select({ keyId: dataKeys.keyId }).from(dataKeys)).toEqual([{ keyId: keyA.keyId }]);
    const found = await findApplicant({ db: world.db, actor: await world.actorOf("counter"), kind: "person", number: "310104198803124016" });
    expect(found).toMatchObject({ ok: true, found: { kind: "person" } });
    // A second start has nothing more to seal.
    expect(await checkDataKeys({ db: world.db })).toEqual({ sealedFirstTime: 0 });
  });

  it("refuses a start with a key that does not open the database, naming the key it needs", async () => {
    useDataKeys({ active: keyB, previous: null });
    await expect(checkDataKeys({ db: world.db })).rejects.toThrow(MissingDataKeyError);
    await expect(checkDataKeys({ db: world.db })).rejects.toThrow(keyA.keyId);
    // Nothing was recorded for the wrong key.
    expect(await world.db.select({ keyId: dataKeys.keyId }).from(dataKeys)).toEqual([{ keyId: keyA.keyId }]);
  });

  it("rotates: everything sealed again under the new key while readable throughout, then the old key retired and no longer needed", async () => {
    useDataKeys({ active: keyB, previous: keyA });
    await checkDataKeys({ db: world.db });
    // A write during the rotation is sealed under the new key already.
    await world.db.update(users).set({ mobile: "13800138001" }).where(eq(users.username, "citizen"));
    const rotation = await finishDataKeyRotation({ db: world.db });
    expect(rotation).toMatchObject({ finished: true, retiredKeyId: keyA.keyId });
    const everything = await executeRows<{ row: string }>(world.db, sql`select string_agg(t::text, ' ') as row from (select resident_id_number, mobile from users union all select answers::text, null from cases union all select holder_id_number, data::text from licences union all select secret, null from staff_two_factor) t`);
    expect(keyIdsIn(everything[0].row)).toEqual([keyB.keyId]);
    expect(await world.db.select({ keyId: dataKeys.keyId, retired: sql<boolean>`${dataKeys.retiredAt} is not null` }).from(dataKeys).orderBy(dataKeys.retiredAt)).toEqual(
      expect.arrayContaining([{ keyId: keyA.keyId, retired: true }, { keyId: keyB.keyId, retired: false }]),
    );

    const [file] = await executeRows<{ keyId: string }>(world.db, sql`select convert_from(substring(content from 5 for 16), 'UTF8') as "keyId" from files where id = ${fileId}`);
    expect(file.keyId).toBe(keyB.keyId);

    useDataKeys({ active: keyB, previous: null });
    expect(await checkDataKeys({ db: world.db })).toEqual({ sealedFirstTime: 0 });
    const [opened] = await world.db.select({ content: files.content }).from(files).where(eq(files.id, fileId));
    expect(Buffer.from(opened.content).equals(onePixelPng)).toBe(true);
    const [citizen] = await world.db.select().from(users).where(eq(users.username, "citizen"));
    expect(citizen).toMatchObject({ residentIdNumber: "310104198803124016", mobile: "13800138001" });
    const [stored] = await world.db.select({ answers: cases.answers }).from(cases).where(eq(cases.id, caseId));
    expect(stored.answers).toMatchObject({ applicantIdNumber: "310104198803124016" });
    expect(sealedKeyId(citizen.residentIdNumber ?? "")).toBeNull();
    const found = await findApplicant({ db: world.db, actor: await world.actorOf("counter"), kind: "person", number: "310104198803124016" });
    expect(found).toMatchObject({ ok: true, found: { kind: "person" } });
  });
});
