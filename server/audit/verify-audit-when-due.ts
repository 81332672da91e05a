/**
 * The trail verified by itself once a day (the outbox worker's round asks): a verification stored less than a day
 * ago — by this, by an admin's button, or by npm run audit:verify — makes another unnecessary, so replicas share the
 * duty without talking. The outcome is stored like any other (the admin page shows it) and recorded in the trail;
 * a broken trail is also logged as an error, for the operator's alerting.
 */
import { desc } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { auditVerifications, type TAuditVerification } from "@/db/schema";
import { recordAudit } from "./record-audit";
import { verifyAuditTrail } from "./verify-audit-trail";

export const AUDIT_VERIFY_EVERY_MS = 24 * 60 * 60_000;

export async function verifyAuditWhenDue({ db, now = new Date() }: { db: TDatabase; now?: Date }): Promise<TAuditVerification | null> {
  const [last] = await db.select({ finishedAt: auditVerifications.finishedAt }).from(auditVerifications).orderBy(desc(auditVerifications.finishedAt)).limit(1);
  if (last && now.getTime() - last.finishedAt.getTime() < AUDIT_VERIFY_EVERY_MS) return null;
  const verification = await verifyAuditTrail({ db });
  await recordAudit({
    db,
    actorId: null,
    actorRole: null,
    action: "audit-verified",
    targetType: "audit-verification",
    targetId: String(verification.id),
    outcome: verification.ok ? "ok" : "failed",
    details: verification.ok ? { records: verification.records, scheduled: true } : { brokenTable: verification.brokenTable, brokenId: verification.brokenId, reason: verification.reason, scheduled: true },
    request: { requestId: null, sourceAddress: null },
  });
  return verification;
}
