/**
 * The address a licence's QR code opens: /verify/<id>?d=<payload>&s=<signature>&k=<key id>.
 *
 * `d` is the signed payload itself (canonical JSON, deflated, base64url), `s` its signature and `k` the key that
 * made it. So the code carries the licence: another system can check it offline with the keys published at
 * /api/v1/licences/keys (inflate d, verify s over those bytes), and /verify compares it with the register — a
 * payload edited in the URL fails its signature, and a register row edited in the database fails its own, so both
 * read "forged". The payload holds what the paper prints (the holder's full ID number included), nothing more;
 * the page that opens it masks personal numbers and sends no referrer onwards.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { z } from "zod";
import { getEnv } from "@/server/env";
import { buildLicencePayload, serializeLicencePayload, ZLicencePayload, type TLicenceContent, type TLicencePayload } from "./licence-payload";
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

/** The verify address of a signed licence; the PDF's QR code encodes it. */
export function licenceVerifyUrl(licence: TSignedLicence, options: { origin?: string } = {}): string {
  const origin = (options.origin ?? publicOrigin()).replace(/\/+$/, "");
  const path = `${origin}/verify/${licence.id}`;
  if (!licence.signature || !licence.keyId) return path;
  const query = new URLSearchParams({ d: encodeLicencePayload(buildLicencePayload(licence)), s: licence.signature, k: licence.keyId });
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

/** Whether the URL's payload is signed by `s` under this public key and is exactly the register's payload. */
export function urlPayloadMatches(query: Required<Pick<TVerifyQuery, "d" | "s">>, rawPublicKey: string, register: TLicencePayload): boolean {
  const decoded = decodeLicencePayload(query.d);
  if (!decoded.ok) return false;
  if (!verifySignedBytes(decoded.bytes, query.s, rawPublicKey)) return false;
  return decoded.bytes === serializeLicencePayload(register);
}
