/**
 * What a licence's signature covers, serialized as canonical JSON (keys sorted at every level, no whitespace;
 * lib/canonical-json.ts, shared with the case trail's hashes), so the same content always gives the same bytes
 * whether it was read back from jsonb, decoded from a QR code or rebuilt by another system.
 *
 * Version 2 (current) is everything the licence prints — number, type, title, holder, issuing department, data items
 * with their labels in print order, validity, the moment of issue — plus its id, with every personal number masked
 * (lib/identifiers/mask.ts) and, in their place, keyed hashes of the full values (licence-hash-key.ts): the holder's
 * resident ID number (`holder.idHash`) and the data items when masking changed any (`dataHash`), under the key `hk`.
 * The payload travels in the QR code's address, so it carries no full personal number, yet the signature still
 * covers the full ones: a register row whose number was changed no longer matches its hash.
 *
 * Version 1 was the printed content itself, full ID number included. It is kept only to read links printed before
 * version 2 and to check a version-1 row's signature before setup re-signs it (resign-licences.ts).
 */
import { z } from "zod";
import type { TLicence } from "@/db/schema";
import { canonicalJson } from "@/lib/canonical-json";
import { ZLocalizedText } from "@/lib/i18n/localized-text";
import { maskIdentifier, maskPersonalNumbers } from "@/lib/identifiers/mask";
import { hashKeyNamed, keyedHash, keyedHashMatches, type TLicenceHashKeys } from "./licence-hash-key";

export const LICENCE_PAYLOAD_VERSION = 2;
export const LEGACY_PAYLOAD_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ZKeyedHash = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const printed = {
  id: z.uuid(),
  number: z.string().min(1).max(100),
  type: z.string().min(1).max(60),
  title: ZLocalizedText.strict(),
  issuer: z.object({ code: z.string().min(1).max(20), name: ZLocalizedText.strict() }).strict(),
  data: z.record(z.string().max(64), z.string().max(2000)),
  labels: z.array(z.object({ key: z.string().max(64), label: ZLocalizedText.strict() }).strict()).max(40),
  validFrom: isoDate,
  validUntil: isoDate.nullable(),
  issuedAt: z.iso.datetime(),
};

/** What the paper prints, full numbers included: the holder's own PDF, and the content of a version-1 payload. */
export const ZPrintedLicence = z
  .object({ ...printed, holder: z.object({ name: z.string().max(200), idNumber: z.string().max(40).nullable(), uscc: z.string().max(40).nullable() }).strict() })
  .strict();
export type TPrintedLicence = z.infer<typeof ZPrintedLicence>;

const ZLegacyLicencePayload = ZPrintedLicence.extend({ v: z.literal(LEGACY_PAYLOAD_VERSION) }).strict();
export type TLegacyLicencePayload = z.infer<typeof ZLegacyLicencePayload>;

const ZCurrentLicencePayload = z
  .object({
    v: z.literal(LICENCE_PAYLOAD_VERSION),
    ...printed,
    holder: z.object({ name: z.string().max(200), idNumber: z.string().max(40).nullable(), idHash: ZKeyedHash.nullable(), uscc: z.string().max(40).nullable() }).strict(),
    dataHash: ZKeyedHash.nullable(),
    hk: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  })
  .strict();
export type TCurrentLicencePayload = z.infer<typeof ZCurrentLicencePayload>;

export const ZLicencePayload = z.discriminatedUnion("v", [ZLegacyLicencePayload, ZCurrentLicencePayload]);
export type TLicencePayload = z.infer<typeof ZLicencePayload>;

/** The columns a payload is built from. */
export type TLicenceContent = Pick<
  TLicence,
  | "id"
  | "number"
  | "type"
  | "title"
  | "holderName"
  | "holderIdNumber"
  | "holderUscc"
  | "issuerCode"
  | "issuerName"
  | "data"
  | "dataFields"
  | "validFrom"
  | "validUntil"
  | "signedAt"
  | "payloadVersion"
  | "hashKeyId"
>;

export function buildPrintedLicence(licence: Omit<TLicenceContent, "payloadVersion" | "hashKeyId">): TPrintedLicence {
  return {
    id: licence.id,
    number: licence.number,
    type: licence.type,
    title: licence.title,
    holder: { name: licence.holderName, idNumber: licence.holderIdNumber, uscc: licence.holderUscc },
    issuer: { code: licence.issuerCode, name: licence.issuerName },
    data: licence.data,
    labels: licence.dataFields.map((field) => ({ key: field.key, label: field.label })),
    validFrom: licence.validFrom,
    validUntil: licence.validUntil,
    issuedAt: licence.signedAt.toISOString(),
  };
}

/** A version-1 payload: the printed content, full numbers included. Only to read old links and old rows. */
export function buildLegacyLicencePayload(licence: Omit<TLicenceContent, "payloadVersion" | "hashKeyId">): TLegacyLicencePayload {
  return { v: LEGACY_PAYLOAD_VERSION, ...buildPrintedLicence(licence) };
}

function maskedData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, maskPersonalNumbers(value)]));
}

/** How an ID number is hashed: as the card prints it (full-width digits and a lower-case x folded). */
export function normalizeIdNumberForHash(value: string): string {
  return value.normalize("NFKC").replace(/\s/g, "").toUpperCase();
}

/** Whether a licence holds a personal number its payload must hash: the holder's ID number, or one inside a data item. */
export function holdsPersonalNumbers(licence: Pick<TLicenceContent, "holderIdNumber" | "data">): boolean {
  return licence.holderIdNumber !== null || canonicalJson(maskedData(licence.data)) !== canonicalJson(licence.data);
}

/** The hash key a licence about to be signed names: the active one when it holds personal numbers, else none. */
export function hashKeyIdFor(licence: Pick<TLicenceContent, "holderIdNumber" | "data">, keys: TLicenceHashKeys): string | null {
  return holdsPersonalNumbers(licence) ? keys.active.keyId : null;
}

/** The current (version-2) payload of a licence, hashed with the key its row names. */
export function buildLicencePayload(licence: Omit<TLicenceContent, "payloadVersion">, keys: TLicenceHashKeys): TCurrentLicencePayload {
  const printedLicence = buildPrintedLicence(licence);
  const data = maskedData(licence.data);
  const dataMasked = canonicalJson(data) !== canonicalJson(licence.data);
  const hashes = licence.holderIdNumber !== null || dataMasked;
  if (hashes && !licence.hashKeyId) throw new Error(`licence ${licence.id} holds personal numbers but names no hash key`);
  const key = hashes ? hashKeyNamed(keys, licence.hashKeyId!) : null;
  return {
    v: LICENCE_PAYLOAD_VERSION,
    ...printedLicence,
    holder: {
      name: licence.holderName,
      idNumber: licence.holderIdNumber === null ? null : maskIdentifier(licence.holderIdNumber),
      idHash: key && licence.holderIdNumber !== null ? keyedHash(key, "resident-id", normalizeIdNumberForHash(licence.holderIdNumber)) : null,
      uscc: licence.holderUscc,
    },
    data,
    dataHash: key && dataMasked ? keyedHash(key, "data", canonicalJson(licence.data)) : null,
    hk: key ? key.keyId : null,
  };
}

/** The payload a register row's signature covers: the version it was signed in. */
export function buildRegisterPayload(licence: TLicenceContent, keys: TLicenceHashKeys): TLicencePayload {
  return licence.payloadVersion === LEGACY_PAYLOAD_VERSION ? buildLegacyLicencePayload(licence) : buildLicencePayload(licence, keys);
}

/** A current payload without its hashes: what a link signed under a retired hash key must still agree on. */
export function printedPartOf(payload: TCurrentLicencePayload): unknown {
  const { dataHash: _dataHash, hk: _hk, holder, ...rest } = payload;
  const { idHash: _idHash, ...shownHolder } = holder;
  return { ...rest, holder: shownHolder };
}

/** Whether a typed resident ID number is the one this payload's holder hash was made of. */
export function holderIdNumberMatches(payload: TCurrentLicencePayload, typed: string, keys: TLicenceHashKeys): boolean {
  if (!payload.holder.idHash || !payload.hk) return false;
  return keyedHashMatches(hashKeyNamed(keys, payload.hk), "resident-id", normalizeIdNumberForHash(typed), payload.holder.idHash);
}

/** The bytes that are signed. */
export function serializeLicencePayload(payload: TLicencePayload): string {
  return canonicalJson(payload);
}
