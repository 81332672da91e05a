/**
 * 撤销: the issuing department takes a licence back, with a reason the holder and every verifier will read. Only a
 * clerk of the department that issued it may, or a supervisor of that department or of every department (电子监察,
 * as for extensions); anyone else changes nothing. A second revocation is refused (already revoked), so repeating
 * the form post is harmless. The revocation, the case trail event (when an approval issued the licence) and the
 * holder's messages are written in one transaction.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { licences, type TLicence } from "@/db/schema";
import { readPlainText } from "@/lib/text/plain-text";
import type { TActor } from "@/server/auth/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { appendCaseEvent } from "@/server/cases/append-case-event";
import { lockCase } from "@/server/cases/lock-case";
import { fail, type TResult } from "@/server/errors";
import { enqueueNotification } from "@/server/notifications/enqueue-notification";

export const REVOCATION_REASON_MAX = 500;

export type TRevokeLicenceOptions = {
  db: TDatabase;
  actor: TActor;
  licenceId: string;
  /** Public: shown to the holder and on /verify. */
  reason: string;
  now?: Date;
};

/** Whether this actor may act for the department that issued a licence. */
export function actsForIssuer(actor: TActor, issuingDepartmentId: string): boolean {
  if (actor.role === "clerk") return actor.departmentId === issuingDepartmentId;
  if (actor.role === "supervisor") return actor.departmentId === null || actor.departmentId === issuingDepartmentId;
  return false;
}

export async function revokeLicence(options: TRevokeLicenceOptions): Promise<TResult<{ revokedAt: Date }>> {
  const { db, actor, now = new Date() } = options;
  if (actor.role !== "clerk" && actor.role !== "supervisor") return fail("forbidden:role");
  if (!z.uuid().safeParse(options.licenceId).success) return fail("not-found:licence");
  const read = readPlainText(options.reason, {
    multiline: true,
    max: REVOCATION_REASON_MAX,
    required: "invalid:revocation-reason-required",
    tooLong: "invalid:revocation-reason-too-long",
  });
  if (!read.ok) return fail(read.code, read.code === "invalid:revocation-reason-too-long" ? { max: REVOCATION_REASON_MAX } : undefined);
  const reason = read.text;

  return db.transaction(async (tx) => {
    const [found] = await tx.select({ caseId: licences.caseId }).from(licences).where(eq(licences.id, options.licenceId));
    if (!found) return fail("not-found:licence");
    // Writers lock the case first, then what hangs off it (the order every use case keeps).
    if (found.caseId) await lockCase(tx, found.caseId);
    const [licence] = await tx.select().from(licences).where(eq(licences.id, options.licenceId)).for("update");
    if (!actsForIssuer(actor, licence.issuingDepartmentId)) return fail("forbidden:licence");
    if (licence.revokedAt) return fail("conflict:licence-revoked");

    await writeRevocation(tx, { licence, actorId: actor.id, actorRole: actor.role, reason, now });
    await enqueueNotification(tx, {
      recipientIds: licence.holderUserId ? [licence.holderUserId] : [],
      companyIds: licence.holderCompanyId ? [licence.holderCompanyId] : [],
      topic: "licence-revoked",
      params: { licence: licence.title, number: licence.number, issuer: licence.issuerName, reason },
      caseId: licence.caseId,
      link: "/me/licences",
    });
    return { ok: true as const, revokedAt: now };
  });
}

/**
 * The revocation itself, inside the caller's transaction with the case (if any) and the licence already locked: the
 * licence marked revoked with its public reason, and the case trail's event. Shared by a clerk's revocation and a
 * failed inspection after an approval on commitment (server/workflow/follow-up-commitment.ts); each caller tells
 * the holder in its own words.
 */
export async function writeRevocation(
  tx: TDatabase,
  { licence, actorId, actorRole = null, reason, now }: { licence: TLicence; actorId: string | null; actorRole?: string | null; reason: string; now: Date },
) {
  await tx.update(licences).set({ status: "revoked", revokedAt: now, revokedById: actorId, revocationReason: reason }).where(eq(licences.id, licence.id));
  if (licence.caseId) {
    await appendCaseEvent(tx, {
      caseId: licence.caseId,
      taskId: licence.taskId,
      actorId,
      kind: "licence-revoked",
      data: { licenceId: licence.id, number: licence.number, title: licence.title, reason },
      public: true,
    });
    return;
  }
  // A licence with no case (brought into the wallet by the seed) has no trail to anchor in: its own record.
  await recordAudit({ db: tx, actorId, actorRole, action: "licence-revoked", targetType: "licence", targetId: licence.id, details: { number: licence.number } });
}
