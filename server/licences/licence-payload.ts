/**
 * What a licence's signature covers: everything printed on it — number, type, title, holder (name and resident ID
 * number or USCC), issuing department (code and name), data items with their labels in print order, validity and
 * the moment of issue — plus its id and a format version. Serialized as canonical JSON (keys sorted at every level,
 * no whitespace; lib/canonical-json.ts, shared with the case trail's hashes), so the same content always gives the
 * same bytes whether it was read back from jsonb, decoded from a QR code or rebuilt by another system.
 */
import { z } from "zod";
import type { TLicence } from "@/db/schema";
import { canonicalJson } from "@/lib/canonical-json";
import { ZLocalizedText } from "@/lib/i18n/localized-text";

export const LICENCE_PAYLOAD_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ZLicencePayload = z
  .object({
    v: z.literal(LICENCE_PAYLOAD_VERSION),
    id: z.uuid(),
    number: z.string().min(1).max(100),
    type: z.string().min(1).max(60),
    title: ZLocalizedText.strict(),
    holder: z.object({ name: z.string().max(200), idNumber: z.string().max(40).nullable(), uscc: z.string().max(40).nullable() }).strict(),
    issuer: z.object({ code: z.string().min(1).max(20), name: ZLocalizedText.strict() }).strict(),
    data: z.record(z.string().max(64), z.string().max(2000)),
    labels: z.array(z.object({ key: z.string().max(64), label: ZLocalizedText.strict() }).strict()).max(40),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
    issuedAt: z.iso.datetime(),
  })
  .strict();
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
>;

export function buildLicencePayload(licence: TLicenceContent): TLicencePayload {
  return {
    v: LICENCE_PAYLOAD_VERSION,
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

/** The bytes that are signed. */
export function serializeLicencePayload(payload: TLicencePayload): string {
  return canonicalJson(payload);
}
