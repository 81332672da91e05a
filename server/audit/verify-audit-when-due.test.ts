/**
 * The daily verification on both databases: it runs when none was stored for a day, not again within the day
 * (whoever verified), records itself on the trail, and finds a broken trail as the button does.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords } from "@/db/schema";
import { openTestDatabase, testDatabaseKinds, type TTestDatabase } from "@/db/testing";
import { recordAudit } from "./record-audit";
import { sealAuditRecords } from "./seal-audit-records";
import { AUDIT_VERIFY_EVERY_MS, verifyAuditWhenDue } from "./verify-audit-when-due";

describe.each(testDatabaseKinds)("the daily audit verification on %s", (kind) => {
  let database: TTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    for (const id of ["a", "b"]) await recordAudit({ db: database.db, actorId: null, actorRole: null, action: "admin-change", targetType: "test", targetId: id, request: { requestId: null, sourceAddress: null } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("verifies when none was stored for a day, not again within it, and records itself", async () => {
    const first = await verifyAuditWhenDue({ db: database.db });
    expect(first).toMatchObject({ ok: true, records: 2 });
    if (!first) throw new Error("no verification ran");
    expect(await verifyAuditWhenDue({ db: database.db, now: new Date(Date.now() + AUDIT_VERIFY_EVERY_MS - 60_000) })).toBeNull();
    const [recorded] = await database.db.select().from(auditRecords).where(and(eq(auditRecords.action, "audit-verified"), eq(auditRecords.targetId, String(first.id))));
    expect(recorded).toMatchObject({ actorId: null, outcome: "ok" });
  });

  it("runs again a day later and finds a record changed behind the trigger's back", async () => {
    await sealAuditRecords({ db: database.db });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_records disable trigger audit_records_append_only_rows`);
      await tx.execute(sql`update audit_records set target_id = 'z' where target_id = 'b'`);
      await tx.execute(sql`alter table audit_records enable trigger audit_records_append_only_rows`);
    });
    const later = await verifyAuditWhenDue({ db: database.db, now: new Date(Date.now() + AUDIT_VERIFY_EVERY_MS + 60_000) });
    expect(later).toMatchObject({ ok: false, brokenTable: "audit_records", reason: "hash" });
  });
});
