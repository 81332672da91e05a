/**
 * What the unified identity provider (统一身份认证) says about the person signing in, read from its claims under the
 * names the deployment configured (OIDC_CLAIM_* in server/env.ts): the subject, the resident ID number and whether the
 * provider verified it (实名认证), the legal name, and a mobile number if it gives one. Pure: the provider's answer
 * arrives as untyped JSON, and nothing here trusts its shape.
 */
import { checkMobile } from "@/lib/identifiers/mobile";
import { checkResidentId } from "@/lib/identifiers/resident-id";
import { readPlainText } from "@/lib/text/plain-text";
import { fail, type TAppError } from "@/server/errors";

/** The claim names of OIDC_CLAIM_ID_NUMBER, OIDC_CLAIM_ID_VERIFIED, OIDC_CLAIM_NAME and OIDC_CLAIM_MOBILE. */
export type TIdentityClaimNames = { idNumber: string; idNumberVerified: string; name: string; mobile: string };

export const defaultIdentityClaimNames: TIdentityClaimNames = { idNumber: "id_number", idNumberVerified: "id_number_verified", name: "name", mobile: "phone_number" };

export type TIdentityClaims = {
  /** The provider's stable identifier of this person (`sub`). */
  subject: string;
  /** Checked and normalized (upper-case X), as the register stores it. */
  residentIdNumber: string;
  name: string;
  /** Null when the provider gives none, or one that is not a mainland mobile number. */
  mobile: string | null;
};

export function readIdentityClaims({ claims, names, today }: { claims: unknown; names: TIdentityClaimNames; today?: string }): ({ ok: true } & TIdentityClaims) | TAppError {
  if (!claims || typeof claims !== "object") return fail("invalid:identity-claims");
  const read = (name: string): unknown => (Object.hasOwn(claims, name) ? (claims as Record<string, unknown>)[name] : undefined);

  const subject = read("sub");
  if (typeof subject !== "string" || subject.length === 0 || subject.length > 255) return fail("invalid:identity-claims");
  // Verification first: an unverified number is refused as such, whatever it looks like.
  const verified = read(names.idNumberVerified);
  if (verified !== true && verified !== "true") return fail("forbidden:identity-unverified");
  const idNumber = read(names.idNumber);
  const checked = typeof idNumber === "string" ? checkResidentId(idNumber, { today }) : null;
  if (!checked?.ok) return fail("invalid:identity-claims");
  const name = readPlainText(read(names.name), { max: 50, required: "invalid:identity-claims", tooLong: "invalid:identity-claims" });
  if (!name.ok) return fail("invalid:identity-claims");
  const mobileClaim = read(names.mobile);
  const mobile = typeof mobileClaim === "string" ? checkMobile(mobileClaim) : null;
  return { ok: true, subject, residentIdNumber: checked.normalized, name: name.text, mobile: mobile?.ok ? mobile.normalized : null };
}

/**
 * Two spellings of one legal name compare equal: full-width and half-width forms (NFKC), spaces, and the middle dot
 * of transliterated names (阿卜杜·热合曼), which keyboards type as ·, •, ・ or ‧.
 */
export function sameLegalName(a: string, b: string): boolean {
  const fold = (name: string) => name.normalize("NFKC").replace(/\s+/g, "").replace(/[·•・‧･]/g, "·");
  return fold(a) === fold(b);
}
