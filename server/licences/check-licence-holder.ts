/**
 * "Does this licence belong to the person in front of me?" — /verify's holder check, for anyone (no sign-in): the
 * verifier types the resident ID number on the card the person shows, and learns yes or no. The number is compared
 * with the keyed hash in the licence's signed payload (licence-payload.ts), so the answer rests on what the issuer
 * signed, and neither the page, the address nor a log ever holds the number: it comes in a form post and goes no
 * further than this function.
 *
 * Only a person's licence whose register row still matches its signature can be asked; a company's licence prints
 * its USCC whole, and a forged one answers nothing. Each licence answers a limited number of checks an hour, and
 * each source address may ask a limited number (take-holder-check.ts), so the check cannot be used to guess the
 * number or to sweep the register.
 */
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { licences } from "@/db/schema";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { addressBucketOf } from "@/server/auth/source-address";
import { fail, type TResult } from "@/server/errors";
import { filterAuthenticLicences } from "./filter-authentic-licences";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import { buildLicencePayload, holderIdNumberMatches, LICENCE_PAYLOAD_VERSION } from "./licence-payload";
import { takeHolderCheck } from "./take-holder-check";
import { recordAudit } from "@/server/audit/record-audit";
import { readRequestContext } from "@/server/audit/request-context";

export type TCheckLicenceHolderOptions = {
  db: TDatabase;
  licenceId: string;
  /** As typed: spaces, full-width digits and a lower-case x are fine. */
  idNumber: string;
  /** Where the check comes from (server/auth/source-address.ts); null when unknown, which is one shared bucket. */
  address: string | null;
  hashKeys?: TLicenceHashKeys;
};

export async function checkLicenceHolder({ db, licenceId, idNumber, address, hashKeys = getLicenceHashKeys() }: TCheckLicenceHolderOptions): Promise<TResult<{ matches: boolean }>> {
  if (!z.uuid().safeParse(licenceId).success) return fail("not-found:licence");
  const typed = checkResidentId(idNumber.replace(/\s/g, ""));
  if (!typed.ok) return fail("invalid:holder-id-number");
  const [licence] = await db.select().from(licences).where(eq(licences.id, licenceId));
  if (!licence) return fail("not-found:licence");
  if (licence.holderIdNumber === null || licence.payloadVersion !== LICENCE_PAYLOAD_VERSION) return fail("conflict:licence-holder-not-checkable");
  const [authentic] = await filterAuthenticLicences(db, [licence], hashKeys);
  if (!authentic) return fail("conflict:licence-holder-not-checkable");
  const allowed = await takeHolderCheck(db, { licenceId: licence.id, addressBucket: addressBucketOf(address) });
  if (!allowed.ok) {
    // A throttled try is audited (who asked from where, about which licence); the number typed never is.
    const { requestId } = await readRequestContext();
    await recordAudit({ db, request: { requestId, sourceAddress: address }, actorId: null, actorRole: null, action: "licence-holder-checked", targetType: "licence", targetId: licence.id, outcome: "refused", details: { reason: "throttled" } });
    return fail("rate-limited:holder-check", { retryAfterSeconds: allowed.retryAfterSeconds });
  }
  return { ok: true, matches: holderIdNumberMatches(buildLicencePayload(authentic, hashKeys), typed.normalized, hashKeys) };
}
