/**
 * The address a licence's QR code opens: /verify/<id>?d=<payload>&s=<signature>&k=<key id>.
 *
 * `d` is the signed payload itself (canonical JSON, deflated, base64url), `s` its signature and `k` the key that
 * made it. So the code carries the licence: another system can check it offline with the keys published at
 * /api/v1/licences/keys (inflate d, verify s over those bytes), and /verify compares it with the register — a
 * payload edited in the URL fails its signature, and a register row edited in the database fails its own, so both
 * read "forged". An address lands in browser histories and proxy logs, so the payload (version 2) carries no full
 * personal number: masked numbers, and keyed hashes only the server can check (licence-payload.ts).
 *
 * Links printed before version 2 carry a version-1 payload with the holder's full ID number. They still verify —
 * the paper they are printed on is genuine — against the register's content rebuilt in that version, and the page
 * says the code is of the old kind; a holder who downloads the licence again gets a version-2 code.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { canonicalJson } from "@/lib/canonical-json";
import { getEnv } from "@/server/env";
import { getLicenceHashKeys, type TLicenceHashKeys } from "./licence-hash-key";
import {
  buildLegacyLicencePayload,
  buildLicencePayload,
  LEGACY_PAYLOAD_VERSION,
  LICENCE_PAYLOAD_VERSION,
  printedPartOf,
  serializeLicencePayload,
  ZLicencePayload,
  type TLicenceContent,
  type TLicencePayload,
} from "./licence-payload";
import { verifySignedBytes } from "./licence-signature";

/** Inflating a hostile `d` stops here: a real payload is a few kilobytes at most. */
const MAX_PAYLOAD_BYTES = 32 * 1024;

export const ZVerifyQuery = z.object({
  d: z.string().regex(/^[A-Za-z0-9_-]+$/).max(8000).optional(),
  s: z.string().regex(/^[A-Za-z0-9_-]+$/).max(200).optional(),
  k: z.string().regex(/^[0-9a-f]{16}$/).optional(),
});
export type TVerifyQuery = z.infer<typeof ZVerifyQuery>;

export type TSignedLicence = TLicenceContent & { signature: string | null; keyId: string | null };

/** The public origin printed into QR codes: PUBLIC_BASE_URL (shared with the receipt's QR code). */
export function publicOrigin(): string {
  return getEnv().PUBLIC_BASE_URL;
}

export function encodeLicencePayload(payload: TLicencePayload): string {
  return deflateRawSync(Buffer.from(serializeLicencePayload(payload), "utf8"), { level: 9 }).toString("base64url");
}

/**
 * The verify address of a signed licence; the PDF's QR code encodes it. A row not yet re-signed in the current
 * format gets the bare address: its old payload would put the full ID number back into the link.
 */
export function licenceVerifyUrl(licence: TSignedLicence, options: { origin?: string; hashKeys?: TLicenceHashKeys } = {}): string {
  const origin = (options.origin ?? publicOrigin()).replace(/\/+$/, "");
  const path = `${origin}/verify/${licence.id}`;
  if (!licence.signature || !licence.keyId || licence.payloadVersion !== LICENCE_PAYLOAD_VERSION) return path;
  const payload = buildLicencePayload(licence, options.hashKeys ?? getLicenceHashKeys());
  const query = new URLSearchParams({ d: encodeLicencePayload(payload), s: licence.signature, k: licence.keyId });
  return `${path}?${query}`;
}

export type TDecodedUrlPayload = { ok: true; payload: TLicencePayload; bytes: string } | { ok: false };

/**
 * Reads `d` back: base64url → inflate (bounded) → JSON that must be a payload, serialized canonically (exactly the
 * bytes that were signed; anything else was not made here).
 */
export function decodeLicencePayload(d: string): TDecodedUrlPayload {
  let bytes: string;
  try {
    bytes = inflateRawSync(Buffer.from(d, "base64url"), { maxOutputLength: MAX_PAYLOAD_BYTES }).toString("utf8");
  } catch {
    return { ok: false };
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes);
  } catch {
    return { ok: false };
  }
  const parsed = ZLicencePayload.safeParse(json);
  if (!parsed.success || serializeLicencePayload(parsed.data) !== bytes) return { ok: false };
  return { ok: true, payload: parsed.data, bytes };
}

export type TLinkCheck = { ok: true; format: "current" | "legacy" } | { ok: false };

/**
 * Whether the URL's payload is signed by `s` under this public key and is this register row's licence: byte-equal to
 * the row's payload in the link's version; for a link hashed with a key since rotated out (the row was re-hashed),
 * equal in everything it prints.
 */
export function checkLinkPayload(
  query: Required<Pick<TVerifyQuery, "d" | "s">>,
  rawPublicKey: string,
  licence: TLicenceContent,
  hashKeys: TLicenceHashKeys = getLicenceHashKeys(),
): TLinkCheck {
  const decoded = decodeLicencePayload(query.d);
  if (!decoded.ok || !verifySignedBytes(decoded.bytes, query.s, rawPublicKey)) return { ok: false };
  const link = decoded.payload;
  if (link.v === LEGACY_PAYLOAD_VERSION) {
    return decoded.bytes === serializeLicencePayload(buildLegacyLicencePayload(licence)) ? { ok: true, format: "legacy" } : { ok: false };
  }
  if (licence.payloadVersion !== LICENCE_PAYLOAD_VERSION) return { ok: false };
  const register = buildLicencePayload(licence, hashKeys);
  const matches = link.hk === register.hk ? decoded.bytes === serializeLicencePayload(register) : canonicalJson(printedPartOf(link)) === canonicalJson(printedPartOf(register));
  return matches ? { ok: true, format: "current" } : { ok: false };
}
