/**
 * An admin verifies the audit trail now (the button of /admin/audit): the same verification as npm run audit:verify,
 * stored with its time, and itself recorded in the trail — who asked, and what it found.
 */
import type { TDatabase } from "@/db/client";
import type { TAuditVerification } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { recordAudit } from "./record-audit";
import { verifyAuditTrail } from "./verify-audit-trail";

export async function runAuditVerification({ db, actor }: { db: TDatabase; actor: TActor }): Promise<TResult<{ verification: TAuditVerification }>> {
  if (actor.role !== "admin") return fail("forbidden:role");
  const verification = await verifyAuditTrail({ db });
  await recordAudit({
    db,
    actorId: actor.id,
    actorRole: actor.role,
    action: "audit-verified",
    targetType: "audit-verification",
    targetId: String(verification.id),
    outcome: verification.ok ? "ok" : "failed",
    details: verification.ok ? { records: verification.records } : { brokenTable: verification.brokenTable, brokenId: verification.brokenId, reason: verification.reason },
  });
  return { ok: true, verification };
}
