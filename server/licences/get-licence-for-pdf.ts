/**
 * Everything the licence PDF prints, for whoever may print it: the holder (or a staff member of the holding
 * company), or the issuing department's staff (a counter print-out). The PDF module draws it; the QR code encodes
 * `verifyUrl`. Someone else's licence and a made-up id look the same: not found.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { licences, type TLicence } from "@/db/schema";
import { licenceStateOn, type TLicenceState } from "@/lib/licences/validity";
import type { TActor } from "@/server/auth/actor";
import { fail, type TResult } from "@/server/errors";
import { buildPrintedLicence, type TPrintedLicence } from "./licence-payload";
import { licenceVerifyUrl } from "./licence-verify-url";
import { actsForIssuer } from "./revoke-licence";

export type TLicenceForPdf = {
  /** The printed content: number, title, holder (full ID number, as the holder's own document prints it), issuer, data, validity. */
  printed: TPrintedLicence;
  state: TLicenceState;
  revokedAt: Date | null;
  keyId: string | null;
  /** The /verify address with the signed payload (personal numbers masked and hashed), for the QR code. */
  verifyUrl: string;
};

export async function getLicenceForPdf({ db, actor, licenceId, today, origin }: { db: TDatabase; actor: TActor; licenceId: string; today: string; origin?: string }): Promise<TResult<{ licence: TLicenceForPdf }>> {
  if (!z.uuid().safeParse(licenceId).success) return fail("not-found:licence");
  const [licence] = await db.select().from(licences).where(eq(licences.id, licenceId));
  const mayPrint =
    licence &&
    (licence.holderUserId === actor.id || (licence.holderCompanyId !== null && actor.companyIds.includes(licence.holderCompanyId)) || actsForIssuer(actor, licence.issuingDepartmentId));
  if (!mayPrint) return fail("not-found:licence");
  return { ok: true, licence: describeLicenceForPdf(licence, { today, origin }) };
}

/** What the PDF prints of a licence row the caller has already been allowed to print. */
export function describeLicenceForPdf(licence: TLicence, { today, origin }: { today: string; origin?: string }): TLicenceForPdf {
  return {
    printed: buildPrintedLicence(licence),
    state: licenceStateOn(licence, today),
    revokedAt: licence.revokedAt,
    keyId: licence.keyId,
    verifyUrl: licenceVerifyUrl(licence, origin ? { origin } : {}),
  };
}
