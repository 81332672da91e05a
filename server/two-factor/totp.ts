/**
 * Time-based one-time codes (RFC 6238) as every authenticator app reads them: SHA-1, 6 digits, 30-second steps
 * (otplib's defaults, written out so a change of library default cannot change them), a code of the step before or
 * after accepted too, for a phone's clock a little off.
 */
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "OneDoor";
const PERIOD_SECONDS = 30;
const DIGITS = 6;

/** A fresh secret: 20 random bytes in Base32, the length authenticator apps expect. */
export function makeTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// address the QR code carries: issuer OneDoor, the person's user name as the label. */
export function totpUriOf({ username, secret }: { username: string; secret: string }): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret, algorithm: "sha1", digits: DIGITS, period: PERIOD_SECONDS });
}

/** True for what a person types as a code from the app: six digits (spaces allowed, as apps show "123 456"). */
export function looksLikeTotpCode(typed: string): boolean {
  return /^\d{6}$/.test(typed.replace(/\s/g, ""));
}

/** The time step the code belongs to when it is right at `now` (± one step), else null. */
export async function matchTotpCode({ secret, code, now }: { secret: string; code: string; now: Date }): Promise<number | null> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const result = await verify({
    secret,
    token,
    algorithm: "sha1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: PERIOD_SECONDS,
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
