/**
 * Audit retention on both databases: records older than the retention go, but only up to a checkpoint signed
 * before it, the removal is itself on the trail, and what is kept still verifies; a head removed by anyone else is
 * still named, and no retention under six months is accepted.
 */
import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords } from "@/db/schema";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { generateSigningKey } from "@/server/licences/signing-keys";
import { makeCheckpoint } from "./make-checkpoint";
import { pruneAuditRecords } from "./prune-audit-records";
import { recordAudit } from "./record-audit";
import { sealAuditRecords } from "./seal-audit-records";
import { verifyAuditChain } from "./verify-audit-trail";

const request = { requestId: null, sourceAddress: null };
const now = new Date("2026-12-06T08:00:00Z");
const key = generateSigningKey();

async function record(database: TTestDatabase, targetId: string) {
  await recordAudit({ db: database.db, actorId: null, actorRole: null, action: "admin-change", targetType: "test", targetId, request });
}

describe.each(testDatabaseKinds)("audit retention on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // Three records signed into a checkpoint eight months ago, two more a month ago, one today.
    for (const id of ["a", "b", "c"]) await record(database, id);
    await makeCheckpoint({ db: database.db, key, now: new Date("2026-04-01T00:00:00Z") });
    for (const id of ["d", "e"]) await record(database, id);
    await makeCheckpoint({ db: database.db, key, now: new Date("2026-11-01T00:00:00Z") });
    await record(database, "f");
    await sealAuditRecords({ db: database.db });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("refuses a retention under six months", async () => {
    await expect(pruneAuditRecords({ db: database.db, months: 5, now })).rejects.toThrow(/at least 6 months/);
  });

  it("keeps everything while no checkpoint is older than the retention", async () => {
    expect(await pruneAuditRecords({ db: database.db, months: 12, now })).toEqual({ removed: 0, throughPosition: null });
  });

  it("removes the records up to the checkpoint signed before the retention, records the removal, and what is kept verifies", async () => {
    expect(await pruneAuditRecords({ db: database.db, months: 6, now })).toEqual({ removed: 3, throughPosition: 3 });
    await sealAuditRecords({ db: database.db });
    const kept = await database.db.select({ targetId: auditRecords.targetId, action: auditRecords.action }).from(auditRecords).where(isNotNull(auditRecords.position)).orderBy(asc(auditRecords.position));
    expect(kept).toEqual([
      { targetId: "d", action: "admin-change" },
      { targetId: "e", action: "admin-change" },
      { targetId: "f", action: "admin-change" },
      { targetId: "3", action: "audit-pruned" },
    ]);
    expect(await verifyAuditChain({ db: database.db })).toMatchObject({ broken: null, records: 4 });
    // A second run has nothing left before that checkpoint.
    expect(await pruneAuditRecords({ db: database.db, months: 6, now })).toEqual({ removed: 0, throughPosition: null });
  });

  it("still refuses a delete outside the retention, and names a head removed by anyone else", async () => {
    await expect(database.db.delete(auditRecords).where(eq(auditRecords.targetId, "d"))).rejects.toThrow();
    // Someone with the database's rights who also knows the setting: the chain then starts where no signed
    // checkpoint and no recorded prune vouch for it.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('onedoor.audit_prune_through', '4', true)`);
      await tx.delete(auditRecords).where(eq(auditRecords.targetId, "d"));
    });
    const [e] = await database.db.select({ id: auditRecords.id }).from(auditRecords).where(eq(auditRecords.targetId, "e"));
    expect((await verifyAuditChain({ db: database.db })).broken).toEqual({ table: "audit_records", id: String(e.id), reason: "gap" });
  });
});
