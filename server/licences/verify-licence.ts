/**
 * Public verification (/verify/<id>, no sign-in): is this licence what its issuer signed, and does it still hold?
 *
 * Forged when the register's row no longer matches its own signature (altered in the database), or when the link
 * carries a payload (the QR code's `d`, `s`, `k`) that is not signed by a published key or is not the register's
 * licence (licence-verify-url.ts). Otherwise revoked (with when and the public reason), expired, or valid. A made-up
 * id is not found. A link of the old format (its payload carried the full ID number) still verifies, and says so. What comes back is only what the licence prints, with personal numbers masked
 * (lib/identifiers/mask.ts): the page is public, so it must give a reader no more than the paper does.
 */
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { TDatabase } from "@/db/client";
import { licences, licenceSigningKeys } from "@/db/schema";
import type { TLocalizedText } from "@/lib/i18n/locales";
import { maskIdentifier, maskPersonalNumbers } from "@/lib/identifiers/mask";

import { licenceStateOn, type TLicenceState } from "@/lib/licences/validity";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import { buildRegisterPayload, LICENCE_PAYLOAD_VERSION } from "./licence-payload";
import { verifyLicencePayload } from "./licence-signature";
import { checkLinkPayload, ZVerifyQuery } from "./licence-verify-url";

export type TPublicLicence = {
  id: string;
  number: string;
  type: string;
  title: TLocalizedText;
  holderName: string;
  /** A person's resident ID number, masked; a company's USCC, whole (public registry data). */
  holderNumber: { kind: "id-number" | "uscc"; value: string } | null;
  issuerName: TLocalizedText;
  fields: { key: string; label: TLocalizedText; value: string }[];
  validFrom: string;
  validUntil: string | null;
  issuedAt: Date;
  keyId: string;
  /** Whether the typed-number check (is this the holder's ID number?) can be asked: a person's licence, hashed. */
  holderCheck: boolean;
};

export type TLicenceVerification =
  | { state: "not-found" }
  /** register: the row does not match its signature; link: the link's payload is not the signed licence. */
  | { state: "forged"; where: "register" | "link" }
  | {
      state: TLicenceState;
      licence: TPublicLicence;
      revokedAt: Date | null;
      revocationReason: string | null;
      /** What the link carried: nothing, a current payload, or an old one that held the full ID number. */
      link: "none" | "current" | "legacy";
    };

export type TVerifyLicenceOptions = {
  db: TDatabase;
  licenceId: string;
  /** The page's query string as it came (the QR code's d, s and k); empty for a plain /verify/<id>. */
  query?: Record<string, unknown>;
  today: string;
  hashKeys?: TLicenceHashKeys;
};

export async function verifyLicence({ db, licenceId, query = {}, today, hashKeys = getLicenceHashKeys() }: TVerifyLicenceOptions): Promise<TLicenceVerification> {
  if (!z.uuid().safeParse(licenceId).success) return { state: "not-found" };
  const [licence] = await db.select().from(licences).where(eq(licences.id, licenceId));
  if (!licence) return { state: "not-found" };

  const carried = { d: query.d, s: query.s, k: query.k };
  const linkCarriesPayload = Object.values(carried).some((value) => value !== undefined);
  const link = ZVerifyQuery.safeParse(carried);
  const keyIds = [licence.keyId, link.success ? link.data.k : undefined].filter((id): id is string => typeof id === "string");
  const keys = keyIds.length > 0 ? await db.select().from(licenceSigningKeys).where(inArray(licenceSigningKeys.keyId, keyIds)) : [];
  const publicKeyOf = (keyId: string | null | undefined) => keys.find((key) => key.keyId === keyId)?.publicKey;

  const registerKey = publicKeyOf(licence.keyId);
  if (!licence.signature || !registerKey || !verifyLicencePayload(buildRegisterPayload(licence, hashKeys), licence.signature, registerKey)) return { state: "forged", where: "register" };
  let linkFormat: "none" | "current" | "legacy" = "none";
  if (linkCarriesPayload) {
    if (!link.success || !link.data.d || !link.data.s || !link.data.k) return { state: "forged", where: "link" };
    const linkKey = publicKeyOf(link.data.k);
    const checked = linkKey ? checkLinkPayload({ d: link.data.d, s: link.data.s }, linkKey, licence, hashKeys) : { ok: false as const };
    if (!checked.ok) return { state: "forged", where: "link" };
    linkFormat = checked.format;
  }

  return {
    state: licenceStateOn(licence, today),
    revokedAt: licence.revokedAt,
    revocationReason: licence.revocationReason,
    link: linkFormat,
    licence: {
      id: licence.id,
      number: licence.number,
      type: licence.type,
      title: licence.title,
      holderName: licence.holderName,
      holderNumber: licence.holderUscc
        ? { kind: "uscc", value: licence.holderUscc }
        : licence.holderIdNumber
          ? { kind: "id-number", value: maskIdentifier(licence.holderIdNumber) }
          : null,
      issuerName: licence.issuerName,
      fields: licence.dataFields.flatMap((field) => (licence.data[field.key] === undefined ? [] : [{ key: field.key, label: field.label, value: maskPersonalNumbers(licence.data[field.key]) }])),
      validFrom: licence.validFrom,
      validUntil: licence.validUntil,
      issuedAt: licence.signedAt,
      keyId: licence.keyId!,
      holderCheck: licence.holderIdNumber !== null && licence.payloadVersion === LICENCE_PAYLOAD_VERSION,
    },
  };
}
