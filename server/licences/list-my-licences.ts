/**
 * The wallet (/me/licences): the licences the actor holds — their own, and those of every company they act for —
 * newest first, each with its state today (valid, revoked, expired).
 */
import { desc, eq, inArray, or } from "drizzle-orm";
import type { TDatabase } from "@/db/client";
import { licences } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { licenceStateOn, type TLicenceState } from "@/lib/licences/validity";
import type { TActor } from "@/server/auth/actor";

export type TWalletLicence = {
  id: string;
  number: string;
  title: TLocalizedText;
  holderName: string;
  /** Held by one of the actor's companies rather than the actor. */
  company: boolean;
  issuerName: TLocalizedText;
  validFrom: string;
  validUntil: string | null;
  state: TLicenceState;
  revokedAt: Date | null;
  revocationReason: string | null;
};

export async function listMyLicences({ db, actor, today }: { db: TDatabase; actor: TActor; today: string }): Promise<TWalletLicence[]> {
  const held = actor.companyIds.length > 0 ? or(eq(licences.holderUserId, actor.id), inArray(licences.holderCompanyId, actor.companyIds)) : eq(licences.holderUserId, actor.id);
  const rows = await db
    .select({
      id: licences.id,
      number: licences.number,
      title: licences.title,
      holderName: licences.holderName,
      holderCompanyId: licences.holderCompanyId,
      issuerName: licences.issuerName,
      validFrom: licences.validFrom,
      validUntil: licences.validUntil,
      revokedAt: licences.revokedAt,
      revocationReason: licences.revocationReason,
    })
    .from(licences)
    .where(held)
    .orderBy(desc(licences.signedAt), desc(licences.number));
  return rows.map(({ holderCompanyId, ...row }) => ({ ...row, company: holderCompanyId !== null, state: licenceStateOn(row, today) }));
}
