/**
 * The audit trail on both databases: records written in the act's transaction (none when it rolls back), the
 * database refusing to change or delete them, the sealer giving concurrent writers one unbroken chain, and the
 * verification naming the first tampered record however the trail was tampered with.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCheckpoints, auditRecords, caseEvents, departments, licences, users } from "@/db/schema";
import { revokeLicence } from "@/server/licences/revoke-licence";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import type { TDatabase } from "@/db/client";
import { proofAnswers } from "@/seed/sample-answers";
import { signInWithPassword } from "@/server/auth/sign-in-with-password";
import { generateSigningKey } from "@/server/licences/signing-keys";
import { submitTestCase } from "@/server/testing/submit-test-case";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { makeCheckpoint } from "./make-checkpoint";
import { recordAudit } from "./record-audit";
import { sealAuditRecords } from "./seal-audit-records";
import { verifyAuditChain, verifyAuditTrail } from "./verify-audit-trail";

const write = (db: TDatabase, targetId: string) => recordAudit({ db, actorId: null, actorRole: null, action: "admin-change", targetType: "test", targetId, details: { note: targetId } });

/** Changes rows as someone with the table owner's rights could: with the append-only trigger switched off. */
async function tamper(db: TDatabase, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_records disable trigger audit_records_append_only_rows`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_records enable trigger audit_records_append_only_rows`);
  });
}

describe.each(testDatabaseKinds)("the audit chain on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind, { poolSize: 8 });
  });
  afterAll(async () => database.drop());

  it("writes a record with the act's transaction, and none when the act rolls back", async () => {
    await database.db.transaction(async (tx) => write(tx, "kept"));
    await expect(
      database.db.transaction(async (tx) => {
        await write(tx, "rolled-back");
        throw new Error("the act failed");
      }),
    ).rejects.toThrow("the act failed");
    const rows = await database.db.select().from(auditRecords).where(eq(auditRecords.targetType, "test"));
    expect(rows.map((row) => row.targetId)).toEqual(["kept"]);
  });

  it("drops personal numbers and contact details from a record's details", async () => {
    await recordAudit({ db: database.db, actorId: null, actorRole: null, action: "admin-change", targetType: "scrub", targetId: "1", details: { residentIdNumber: "110101199003078515", nested: { mobile: "13800138000", kept: "yes" } } });
    const [row] = await database.db.select().from(auditRecords).where(eq(auditRecords.targetType, "scrub"));
    expect(row.details).toEqual({ nested: { kept: "yes" } });
  });

  it("refuses UPDATE, DELETE and TRUNCATE, and lets sealing fill the chain fields only once", async () => {
    await write(database.db, "guarded");
    const [row] = await database.db.select().from(auditRecords).where(eq(auditRecords.targetId, "guarded"));
    await expect(database.db.execute(sql`update audit_records set outcome = 'failed' where id = ${row.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_records where id = ${row.id}`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_records`)).rejects.toThrow();
    // Sealing with a change to another column is no sealing.
    await expect(database.db.execute(sql`update audit_records set position = 999999, hash = 'x', outcome = 'failed' where id = ${row.id}`)).rejects.toThrow();
    await sealAuditRecords({ db: database.db });
    await expect(database.db.execute(sql`update audit_records set hash = 'forged' where id = ${row.id}`)).rejects.toThrow();
    const [after] = await database.db.select().from(auditRecords).where(eq(auditRecords.id, row.id));
    expect(after.outcome).toBe("ok");
    expect(after.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("seals records written and sealed concurrently into one unbroken chain", async () => {
    const writers = Array.from({ length: 40 }, (_, index) => database.db.transaction(async (tx) => write(tx, `concurrent-${index}`)));
    const sealers = Array.from({ length: 4 }, () => sealAuditRecords({ db: database.db, batchSize: 7 }));
    await Promise.all([...writers, ...sealers]);
    await sealAuditRecords({ db: database.db });
    const rows = await database.db.select({ position: auditRecords.position }).from(auditRecords).orderBy(asc(auditRecords.position));
    expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
    const verified = await verifyAuditChain({ db: database.db });
    expect(verified).toMatchObject({ broken: null, records: rows.length });
  });

  it("hashes alike in JavaScript (the sealer) and in SQL (the verifier), whatever text a record holds", async () => {
    const hostile = ['quote " and \\ backslash', "line\nbreak\ttab\r\b\f", "\u0001\u001f\u007f control", "\u2028\u2029 separators", "汉字 and 😀", "</script>", ""];
    for (const text of hostile) {
      await recordAudit({
        db: database.db,
        request: { requestId: text.slice(0, 64) || null, sourceAddress: text },
        actorId: null,
        actorRole: text,
        action: "admin-change",
        targetType: `hostile ${text}`.slice(0, 40),
        targetId: text,
        purpose: text,
        details: { [text]: text, nested: [text, 1.5, null, true] },
      });
    }
    await sealAuditRecords({ db: database.db });
    expect((await verifyAuditChain({ db: database.db })).broken).toBeNull();
  });

  it("signs checkpoints that a verification checks, and names a bad signature", async () => {
    const key = generateSigningKey();
    const checkpoint = await makeCheckpoint({ db: database.db, key });
    expect(checkpoint).not.toBeNull();
    // Nothing new since: no second checkpoint of the same head.
    expect(await makeCheckpoint({ db: database.db, key })).toBeNull();
    expect((await verifyAuditTrail({ db: database.db })).ok).toBe(true);
    const forger = generateSigningKey();
    await database.db.insert(auditCheckpoints).values({ position: checkpoint!.position, hash: checkpoint!.hash, signedAt: new Date(), keyId: key.keyId, signature: Buffer.from("forged").toString("base64url") });
    const [forged] = await database.db.select().from(auditCheckpoints).orderBy(sql`id desc`).limit(1);
    const verification = await verifyAuditTrail({ db: database.db });
    expect(verification).toMatchObject({ ok: false, brokenTable: "audit_checkpoints", brokenId: String(forged.id), reason: "signature" });
    expect(forger.keyId).not.toBe(key.keyId);
  });
});

describe.each(testDatabaseKinds)("verification names the first tampered record on %s", (kind) => {
  let database: TTestDatabase;
  const key = generateSigningKey();
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.drop());

  async function sealedRows(count: number, prefix: string) {
    for (let index = 0; index < count; index += 1) await write(database.db, `${prefix}-${index}`);
    await sealAuditRecords({ db: database.db });
    return database.db.select().from(auditRecords).where(sql`${auditRecords.targetId} like ${`${prefix}-%`}`).orderBy(asc(auditRecords.position));
  }

  it("an edited record, written with the trigger switched off", async () => {
    const rows = await sealedRows(5, "edit");
    await tamper(database.db, sql`update audit_records set outcome = 'failed' where id = ${rows[2].id}`);
    expect((await verifyAuditChain({ db: database.db })).broken).toEqual({ table: "audit_records", id: String(rows[2].id), reason: "hash" });
    await tamper(database.db, sql`update audit_records set outcome = 'ok' where id = ${rows[2].id}`);
    expect((await verifyAuditChain({ db: database.db })).broken).toBeNull();
  });

  it("a deleted record, and a tail cut back behind a checkpoint", async () => {
    const rows = await sealedRows(4, "cut");
    await makeCheckpoint({ db: database.db, key });
    await tamper(database.db, sql`delete from audit_records where id = ${rows[3].id}`);
    const truncated = await verifyAuditTrail({ db: database.db });
    const [checkpoint] = await database.db.select().from(auditCheckpoints).orderBy(sql`id desc`).limit(1);
    expect(truncated).toMatchObject({ ok: false, brokenTable: "audit_checkpoints", brokenId: String(checkpoint.id), reason: "truncated" });
    await tamper(database.db, sql`delete from audit_records where id = ${rows[1].id}`);
    expect((await verifyAuditChain({ db: database.db })).broken).toEqual({ table: "audit_records", id: String(rows[2].id), reason: "gap" });
  });
});

describe.each(testDatabaseKinds)("acts recorded in the audit trail on %s", (kind) => {
  let world: TWorld;
  beforeAll(async () => {
    world = await openSeededWorld(kind);
  });
  afterAll(async () => world.drop());

  it("anchors each case event's hash, and finds an edited or deleted case event", async () => {
    const submitted = await submitTestCase(world, { username: "citizen", subjectCode: "HRSS-PROOF", answers: proofAnswers() });
    const events = await world.db.select().from(caseEvents).where(eq(caseEvents.caseId, submitted.caseId)).orderBy(asc(caseEvents.id));
    const records = await world.db.select().from(auditRecords).where(and(eq(auditRecords.targetType, "case"), eq(auditRecords.targetId, submitted.caseId))).orderBy(asc(auditRecords.id));
    const [citizen] = await world.db.select().from(users).where(eq(users.username, "citizen"));
    expect(records.map((record) => record.details)).toEqual(events.map((event) => expect.objectContaining({ eventId: event.id, eventHash: event.hash, kind: event.kind })));
    expect(records[0]).toMatchObject({ action: "case-event", actorId: citizen.id, actorRole: "citizen", outcome: "ok" });
    expect((await verifyAuditTrail({ db: world.db })).ok).toBe(true);

    // Rewritten with the case chain recomputed, as anyone with write access could: the anchor no longer matches.
    const last = events.at(-1)!;
    await world.db.update(caseEvents).set({ hash: "0".repeat(64) }).where(eq(caseEvents.id, last.id));
    expect(await verifyAuditTrail({ db: world.db })).toMatchObject({ ok: false, brokenTable: "case_events", brokenId: String(last.id) });
    await world.db.update(caseEvents).set({ hash: last.hash }).where(eq(caseEvents.id, last.id));
    await world.db.delete(caseEvents).where(eq(caseEvents.id, last.id));
    const anchoring = records.find((record) => record.details.eventId === last.id)!;
    expect(await verifyAuditTrail({ db: world.db })).toMatchObject({ ok: false, brokenTable: "audit_records", brokenId: String(anchoring.id), reason: "case-event-missing" });
  });

  it("records a revocation of a licence that has no case, with who revoked it", async () => {
    const [seeded] = await world.db
      .select({ id: licences.id, code: departments.code })
      .from(licences)
      .innerJoin(departments, eq(departments.id, licences.issuingDepartmentId))
      .where(isNull(licences.caseId))
      .limit(1);
    const clerk = await world.actorOf(`clerk-${seeded.code.toLowerCase()}`);
    expect(await revokeLicence({ db: world.db, actor: clerk, licenceId: seeded.id, reason: "核查发现证照信息有误" })).toMatchObject({ ok: true });
    const rows = await world.db.select().from(auditRecords).where(and(eq(auditRecords.action, "licence-revoked"), eq(auditRecords.targetId, seeded.id)));
    expect(rows).toMatchObject([{ actorId: clerk.id, actorRole: "clerk", targetType: "licence", outcome: "ok" }]);
  });

  it("records sign-ins: success, a wrong password, and a throttled try, with the source address", async () => {
    const [admin] = await world.db.select().from(users).where(eq(users.username, "admin"));
    const address = "203.0.113.9";
    expect((await signInWithPassword({ db: world.db, username: "admin", password: "demo2026", address })).ok).toBe(true);
    expect((await signInWithPassword({ db: world.db, username: "admin", password: "wrong", address, failuresPerAccount: 1 })).ok).toBe(false);
    expect((await signInWithPassword({ db: world.db, username: "admin", password: "demo2026", address, failuresPerAccount: 1 })).ok).toBe(false);
    const rows = await world.db.select().from(auditRecords).where(eq(auditRecords.action, "sign-in")).orderBy(asc(auditRecords.id));
    expect(rows.map(({ actorId, targetId, outcome, sourceAddress, details }) => ({ actorId, targetId, outcome, sourceAddress, details }))).toEqual([
      { actorId: admin.id, targetId: admin.id, outcome: "ok", sourceAddress: address, details: { method: "password" } },
      { actorId: null, targetId: admin.id, outcome: "refused", sourceAddress: address, details: { method: "password", reason: "throttled" } },
      { actorId: null, targetId: null, outcome: "refused", sourceAddress: address, details: { method: "password", reason: "throttled" } },
    ]);
  });
});
