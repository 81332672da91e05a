/**
 * What /admin/audit shows an admin: the last verification (when, what it found), the latest checkpoints, and the
 * latest records — who, what, which record, outcome, purpose — as stored, which holds no personal number.
 */
import { desc } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { auditCheckpoints, auditRecords, auditVerifications } from "@/db/schema";
import type { TActor } from "@/server/auth/actor";
import { fail } from "@/server/errors";

export async function getAuditOverview({ db, actor, limit = 50 }: { db: TDatabase; actor: TActor; limit?: number }) {
  if (actor.role !== "admin") return fail("forbidden:role");
  const [lastVerification] = await db.select().from(auditVerifications).orderBy(desc(auditVerifications.id)).limit(1);
  const checkpoints = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(10);
  const records = await db
    .select({
      id: auditRecords.id,
      at: auditRecords.at,
      actorRole: auditRecords.actorRole,
      action: auditRecords.action,
      targetType: auditRecords.targetType,
      targetId: auditRecords.targetId,
      outcome: auditRecords.outcome,
      purpose: auditRecords.purpose,
      position: auditRecords.position,
    })
    .from(auditRecords)
    .orderBy(desc(auditRecords.id))
    .limit(limit);
  return { ok: true as const, lastVerification: lastVerification ?? null, checkpoints, records };
}
export type TAuditOverview = Extract<Awaited<ReturnType<typeof getAuditOverview>>, { ok: true }>;
