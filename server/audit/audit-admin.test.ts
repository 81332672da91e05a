/**
 * The audit trail's readers: the public checkpoint list (paged, each checkpoint checkable with the published key from
 * the bytes it carries), and the admin page's use cases (admins only; a verification run from there is stored and
 * itself recorded).
 */
import { verify } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRecords, auditVerifications } from "@/db/schema";
import { testDatabaseKinds } from "@/db/testing";
import { generateSigningKey, publicKeyFromRaw } from "@/server/licences/signing-keys";
import { openSeededWorld, type TWorld } from "@/server/testing/world";
import { getAuditOverview } from "./get-audit-overview";
import { listCheckpoints, ZCheckpointPage } from "./list-checkpoints";
import { makeCheckpoint } from "./make-checkpoint";
import { recordAudit } from "./record-audit";
import { runAuditVerification } from "./run-audit-verification";

describe.each(testDatabaseKinds)("reading the audit trail on %s", (kind) => {
  let world: TWorld;
  const key = generateSigningKey();
  beforeAll(async () => {
    world = await openSeededWorld(kind);
    for (let index = 0; index < 3; index += 1) {
      await recordAudit({ db: world.db, actorId: null, actorRole: null, action: "admin-change", targetType: "test", targetId: String(index) });
      await makeCheckpoint({ db: world.db, key });
    }
  });
  afterAll(async () => world.drop());

  it("publishes checkpoints in pages, each verifiable with a published key from the bytes it carries", async () => {
    const first = await listCheckpoints({ db: world.db, ...ZCheckpointPage.parse({ limit: "2" }) });
    expect(first.checkpoints).toHaveLength(2);
    expect(first.nextAfter).toBe(first.checkpoints[1].id);
    const second = await listCheckpoints({ db: world.db, ...ZCheckpointPage.parse({ after: String(first.nextAfter), limit: "2" }) });
    expect(second.checkpoints).toHaveLength(1);
    expect(second.nextAfter).toBeNull();
    const [published] = first.keys.filter((candidate) => candidate.keyId === key.keyId);
    for (const checkpoint of [...first.checkpoints, ...second.checkpoints]) {
      const holds = verify(null, Buffer.from(checkpoint.payload, "base64url"), publicKeyFromRaw(published.publicKey), Buffer.from(checkpoint.signature, "base64url"));
      expect(holds).toBe(true);
      expect(Buffer.from(checkpoint.payload, "base64url").toString()).toContain(`\n${checkpoint.position}\n${checkpoint.hash}\n`);
    }
    expect(ZCheckpointPage.safeParse({ limit: "0" }).success).toBe(false);
    expect(ZCheckpointPage.safeParse({ after: "abc" }).success).toBe(false);
  });

  it("lets only an admin see the trail and verify it; the verification is stored and recorded", async () => {
    for (const username of ["clerk-amr", "supervisor", "citizen"]) {
      expect(await getAuditOverview({ db: world.db, actor: await world.actorOf(username) })).toEqual({ ok: false, code: "forbidden:role" });
      expect(await runAuditVerification({ db: world.db, actor: await world.actorOf(username) })).toEqual({ ok: false, code: "forbidden:role" });
    }
    expect(await world.db.select().from(auditVerifications)).toHaveLength(0);
    const admin = await world.actorOf("admin");
    const run = await runAuditVerification({ db: world.db, actor: admin });
    if (!run.ok) throw new Error(run.code);
    expect(run.verification).toMatchObject({ ok: true, checkpoints: 3, brokenTable: null });
    const overview = await getAuditOverview({ db: world.db, actor: admin });
    if (!overview.ok) throw new Error(overview.code);
    expect(overview.lastVerification?.id).toBe(run.verification.id);
    expect(overview.checkpoints).toHaveLength(3);
    const recorded = await world.db.select().from(auditRecords).where(eq(auditRecords.action, "audit-verified"));
    expect(recorded).toMatchObject([{ actorId: admin.id, actorRole: "admin", outcome: "ok", targetId: String(run.verification.id) }]);
  });
});
